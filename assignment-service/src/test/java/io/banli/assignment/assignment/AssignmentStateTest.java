package io.banli.assignment.assignment;

import static io.banli.assignment.assignment.AssignmentState.ADJUSTMENT_REQUESTED;
import static io.banli.assignment.assignment.AssignmentState.ASSIGNED;
import static io.banli.assignment.assignment.AssignmentState.CLOSED;
import static io.banli.assignment.assignment.AssignmentState.HANDLING;
import static io.banli.assignment.assignment.AssignmentState.MERGED;
import static io.banli.assignment.assignment.AssignmentState.OPINION_SENT;
import static io.banli.assignment.assignment.AssignmentState.PRE_ASSIGNED;
import static io.banli.assignment.assignment.AssignmentState.REASSIGNED;
import static io.banli.assignment.assignment.AssignmentState.REHANDLING;
import static io.banli.assignment.assignment.AssignmentState.REPLIED;
import static io.banli.assignment.assignment.AssignmentState.REPLY_SUBMITTED;
import static io.banli.assignment.assignment.AssignmentState.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The one table of a unit part's transitions, every pair of states checked. */
class AssignmentStateTest {

    /** The workflow as the README describes it, written out independently of the enum's table. */
    static final Map<AssignmentState, Set<AssignmentState>> ALLOWED = Map.ofEntries(
            Map.entry(PRE_ASSIGNED, EnumSet.of(ADJUSTMENT_REQUESTED, ASSIGNED, WITHDRAWN, MERGED)),
            // Kept, a part goes back to where the request found it (issue 14: also after a formal assignment).
            Map.entry(ADJUSTMENT_REQUESTED, EnumSet.of(PRE_ASSIGNED, ASSIGNED, HANDLING, REASSIGNED, WITHDRAWN, MERGED)),
            Map.entry(REASSIGNED, EnumSet.noneOf(AssignmentState.class)),
            Map.entry(ASSIGNED, EnumSet.of(ADJUSTMENT_REQUESTED, HANDLING, WITHDRAWN, MERGED)),
            Map.entry(HANDLING, EnumSet.of(ADJUSTMENT_REQUESTED, OPINION_SENT, REPLY_SUBMITTED, WITHDRAWN, MERGED)),
            Map.entry(OPINION_SENT, EnumSet.of(CLOSED, WITHDRAWN, MERGED)),
            Map.entry(REPLY_SUBMITTED, EnumSet.of(HANDLING, REHANDLING, REPLIED, WITHDRAWN, MERGED)),
            Map.entry(REPLIED, EnumSet.of(REHANDLING, CLOSED, WITHDRAWN, MERGED)),
            Map.entry(REHANDLING, EnumSet.of(REPLY_SUBMITTED, WITHDRAWN, MERGED)),
            Map.entry(CLOSED, EnumSet.noneOf(AssignmentState.class)),
            Map.entry(WITHDRAWN, EnumSet.noneOf(AssignmentState.class)),
            Map.entry(MERGED, EnumSet.noneOf(AssignmentState.class)));

    @Test
    void exactlyTheTransitionsOfTheWorkflowAreAllowed() {
        assertThat(ALLOWED.keySet()).as("every state is in the table").containsExactlyInAnyOrder(AssignmentState.values());
        for (AssignmentState from : AssignmentState.values()) {
            for (AssignmentState to : AssignmentState.values()) {
                assertThat(from.canMoveTo(to)).as(from + " -> " + to).isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void illegalShortcutsAreRefused() {
        assertThat(PRE_ASSIGNED.canMoveTo(HANDLING)).as("signing for an item never formally assigned").isFalse();
        assertThat(ASSIGNED.canMoveTo(REPLY_SUBMITTED)).as("replying without signing for it").isFalse();
        assertThat(HANDLING.canMoveTo(REPLIED)).as("sent to the proposer without the office").isFalse();
        assertThat(REPLIED.canMoveTo(HANDLING)).as("a sent reply is not returned").isFalse();
        assertThat(OPINION_SENT.canMoveTo(REPLY_SUBMITTED)).as("a co-unit does not reply").isFalse();
        assertThat(REHANDLING.canMoveTo(CLOSED)).as("re-handling ends with a new reply").isFalse();
        assertThat(ADJUSTMENT_REQUESTED.canMoveTo(REPLY_SUBMITTED)).as("the office decides first").isFalse();
        assertThat(ADJUSTMENT_REQUESTED.canMoveTo(OPINION_SENT)).as("the office decides first").isFalse();
        assertThat(REPLY_SUBMITTED.canMoveTo(ADJUSTMENT_REQUESTED)).as("a unit that replied has the item").isFalse();
    }

    @Test
    void noStateMovesToItselfAndTheEndsAreFinal() {
        Arrays.stream(AssignmentState.values())
                .forEach(state -> assertThat(state.canMoveTo(state)).as(state.name()).isFalse());
        for (AssignmentState end : EnumSet.of(REASSIGNED, CLOSED, WITHDRAWN, MERGED)) {
            Arrays.stream(AssignmentState.values())
                    .forEach(next -> assertThat(end.canMoveTo(next)).as(end + " -> " + next).isFalse());
        }
    }

    @Test
    void aWithdrawalEndsEveryLivePart() {
        for (AssignmentState state : AssignmentState.values()) {
            assertThat(state.canMoveTo(WITHDRAWN)).as(state.name()).isEqualTo(state.isLive());
        }
    }

    @Test
    void aMergeEndsEveryLivePart() {
        for (AssignmentState state : AssignmentState.values()) {
            assertThat(state.canMoveTo(MERGED)).as(state.name()).isEqualTo(state.isLive());
        }
    }

    @Test
    void onlyPartsMovedAwayOrOverAreNotLive() {
        assertThat(EnumSet.allOf(AssignmentState.class).stream().filter(s -> !s.isLive()))
                .containsExactlyInAnyOrder(REASSIGNED, CLOSED, WITHDRAWN, MERGED);
    }
}
