package io.banli.intake.submission;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which lists the tally of V19 answers the total of (a pure rule, no database). */
class SubmissionTallyTest {

    @Test
    void listsNarrowedByTheItemsOwnColumnsAreTallied() {
        SubmissionSearch.Criteria c = new SubmissionSearch.Criteria();
        assertThat(c.byOwnColumnsOnly()).as("everything").isTrue();
        c.sessionId = 1L;
        c.kind = SubmissionKind.SUGGESTION;
        c.field = "SOCIAL_LIVELIHOOD";
        c.state = SubmissionState.REGISTERED;
        c.keyItem = true;
        c.unit = " ";
        assertThat(c.byOwnColumnsOnly()).as("session, kind, field, state, key flag, a blank unit").isTrue();
    }

    @Test
    void aProposerAUnitOrWordsAreCountedItemByItem() {
        SubmissionSearch.Criteria proposer = new SubmissionSearch.Criteria();
        proposer.proposerId = 7L;
        SubmissionSearch.Criteria unit = new SubmissionSearch.Criteria();
        unit.unit = "教育局";
        SubmissionSearch.Criteria words = new SubmissionSearch.Criteria();
        words.q = "渡口";
        assertThat(proposer.byOwnColumnsOnly()).isFalse();
        assertThat(unit.byOwnColumnsOnly()).isFalse();
        assertThat(words.byOwnColumnsOnly()).isFalse();
    }
}
