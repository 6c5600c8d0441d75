package io.banli.intake.submission;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.banli.intake.submission.SubmissionEvents.SubmissionFiledV1;
import io.banli.intake.submission.SubmissionEvents.SubmissionMergedV1;
import io.banli.intake.submission.SubmissionEvents.SubmissionRefusedV1;
import io.banli.intake.submission.SubmissionEvents.SubmissionRegisteredV1;
import io.banli.intake.submission.SubmissionEvents.SubmissionUpdatedV1;
import io.banli.intake.submission.SubmissionEvents.SubmissionWithdrawnV1;
import io.banli.kit.events.AsyncApi;

/** The AsyncAPI document of what intake publishes, served at {@code GET /asyncapi.yaml}. */
@Singleton
public class SubmissionEventContract {

    @Produces
    @Singleton
    public static AsyncApi document() {
        return AsyncApi.of("intake-service", "Submissions from filing to registration, as the other services "
                + "and platforms read them. No event carries contact data.")
                .channel(SubmissionEvents.TOPIC, "Every change of a submission's filing and registration.")
                .message(SubmissionEvents.FILED, SubmissionFiledV1.class,
                        "A member filed a submission; co-signers listed are those who signed before the cut-off.")
                .message(SubmissionEvents.REGISTERED, SubmissionRegisteredV1.class,
                        "The office registered a submission under its number: handling starts.")
                .message(SubmissionEvents.REFUSED, SubmissionRefusedV1.class,
                        "The office did not register a submission and passed it on as a letter or public opinion.")
                .message(SubmissionEvents.MERGED, SubmissionMergedV1.class,
                        "A submission is handled together with its host item (并案): its own handling stops, its proposers "
                                + "receive the host's reply and rate it.")
                .message(SubmissionEvents.WITHDRAWN, SubmissionWithdrawnV1.class,
                        "The proposer withdrew the submission: handling stops.")
                .message(SubmissionEvents.UPDATED, SubmissionUpdatedV1.class,
                        "The office corrected a registered submission: its whole registered picture.")
                .message(SubmissionEvents.DRAFT_CHANGED, SubmissionEvents.SubmissionDraftChangedV1.class,
                        "A draft was written, edited, its co-signers invited, a co-signer signed, or the draft "
                                + "withdrawn: its whole pre-filing picture, for the member's progress.")
                .message(io.banli.intake.member.MemberEvents.REGISTERED,
                        io.banli.intake.member.MemberEvents.MemberRegisteredV1.class,
                        "The office registered a member (one by one, as a group or from the roster): the member and "
                                + "their delegation, no contact data.", io.banli.intake.member.MemberEvents.KEY)
                .message(io.banli.intake.platform.PlatformClientEvents.CHANGED,
                        io.banli.intake.platform.PlatformClientEvents.PlatformClientChangedV1.class,
                        "The office registered, changed or revoked a platform client: its whole grant (status, "
                                + "scopes, for whom it acts); never its secret.",
                        io.banli.intake.platform.PlatformClientEvents.KEY)
                .done();
    }
}
