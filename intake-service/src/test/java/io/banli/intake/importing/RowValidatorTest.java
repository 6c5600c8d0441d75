package io.banli.intake.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.banli.intake.member.MemberKind;
import io.banli.intake.session.SessionKind;
import io.banli.intake.submission.Confidentiality;
import io.banli.intake.submission.SubmissionKind;

/** One import row against the filing rules, for a people's congress session, without a database. */
class RowValidatorTest {

    static final Map<Long, MemberKind> MEMBERS = Map.of(1L, MemberKind.DEPUTY, 2L, MemberKind.DEPUTY,
            3L, MemberKind.DEPUTY, 9L, MemberKind.CPPCC_MEMBER);

    final RowValidator validator = new RowValidator(SessionKind.PEOPLES_CONGRESS,
            Set.of("EDUCATION", "URBAN_CONSTRUCTION_TRANSPORT"), MEMBERS);

    static ImportRow row(String ref, String kind, String title, String body, String field, String lead,
            List<String> coSigners, String groupName, String keyItem, String leadingOfficial, String confidential,
            String confidentiality) {
        return new ImportRow(1, ref, kind, title, body, field, lead, coSigners, groupName, keyItem, leadingOfficial,
                confidential, confidentiality);
    }

    static ImportRow good(String ref) {
        return row(ref, "SUGGESTION", "关于加快老旧小区加装电梯的建议", "建议简化审批流程。", "URBAN_CONSTRUCTION_TRANSPORT", "1",
                List.of(), null, null, null, null, null);
    }

    @Test
    void aRowThatFollowsEveryRuleIsReadyToStore() {
        ImportRow r = row("R-1", " SUGGESTION ", "关于加快老旧小区加装电梯的建议", "建议简化审批流程。", "EDUCATION", " 1 ",
                List.of("2", "3", "2"), null, "TRUE", "王副市长", "", null);
        RowValidator.Outcome outcome = validator.check(r);
        assertThat(outcome.rejection()).isNull();
        RowValidator.Checked checked = outcome.checked();
        assertThat(checked.kind()).isEqualTo(SubmissionKind.SUGGESTION);
        assertThat(checked.leadProposerId()).isEqualTo(1L);
        assertThat(checked.coSignerIds()).as("a repeated co-signer counts once").containsExactly(2L, 3L);
        assertThat(checked.keyItem()).isTrue();
        assertThat(checked.confidential()).as("empty means false").isFalse();
        assertThat(checked.confidentiality()).isNull();
    }

    @Test
    void aConfidentialRowNamesItsReason() {
        ImportRow r = row("R-1", "SUGGESTION", "t", "b", "EDUCATION", "1", List.of(), null, "false", null, "true",
                "PROPOSER_REQUEST");
        RowValidator.Outcome outcome = validator.check(r);
        assertThat(outcome.rejection()).isNull();
        assertThat(outcome.checked().confidentiality()).isEqualTo(Confidentiality.PROPOSER_REQUEST);

        assertThat(validator.check(row("R-2", "SUGGESTION", "t", "b", "EDUCATION", "1", List.of(), null, null, null,
                "true", null)).rejection()).startsWith("confidentiality: a confidential item names why");
        assertThat(validator.check(row("R-3", "SUGGESTION", "t", "b", "EDUCATION", "1", List.of(), null, null, null,
                null, "SECRET")).rejection()).as("a reason without the flag").startsWith("confidentiality:");
        assertThat(validator.check(row("R-4", "SUGGESTION", "t", "b", "EDUCATION", "1", List.of(), null, null, null,
                "true", "TOP_SECRET")).rejection()).as("an unknown reason").startsWith("confidentiality:");
    }

    @Test
    void aReferenceSeenBeforeInTheSameFileIsRejectedTheFirstIsNot() {
        assertThat(validator.check(good("R-7")).rejection()).isNull();
        assertThat(validator.check(good("R-7")).rejection()).isEqualTo("externalRef: R-7 occurs twice in the file");
        assertThat(validator.check(good(" ")).rejection()).isEqualTo("externalRef: required, at most 100 characters");
        assertThat(validator.check(good("R".repeat(101))).rejection()).startsWith("externalRef: required");
    }

    @Test
    void theKindMustFitTheSessionAndTheLeadMustBeAMemberWhoFilesIt() {
        ImportRow proposal = row("R-1", "PROPOSAL", "t", "b", "EDUCATION", "9", List.of(), null, null, null, null, null);
        assertThat(validator.check(proposal).rejection())
                .isEqualTo("kind: a PROPOSAL does not belong to a PEOPLES_CONGRESS session");
        assertThat(validator.check(row("R-2", "MOTION", "t", "b", "EDUCATION", "1", List.of(), null, null, null, null,
                null)).rejection()).isEqualTo("kind: must be one of SUGGESTION, PROPOSAL");
        assertThat(validator.check(row("R-3", "SUGGESTION", "t", "b", "EDUCATION", "9", List.of(), null, null, null,
                null, null)).rejection()).isEqualTo("leadProposerId: member 9 cannot lead a SUGGESTION");
        assertThat(validator.check(row("R-4", "SUGGESTION", "t", "b", "EDUCATION", "one", List.of(), null, null, null,
                null, null)).rejection()).isEqualTo("leadProposerId: no such member");
        assertThat(validator.check(row("R-5", "SUGGESTION", "t", "b", "EDUCATION", "77", List.of(), null, null, null,
                null, null)).rejection()).isEqualTo("leadProposerId: no such member");
    }

    @Test
    void coSignersAreOtherMembersOfTheSameKind() {
        ImportRow r = row("R-1", "SUGGESTION", "t", "b", "EDUCATION", "1", List.of("1", "9", "77", "x", "2"), null,
                null, null, null, null);
        assertThat(validator.check(r).rejection()).isEqualTo(
                "coSignerIds: 1 is not a member who can co-sign this item; "
                        + "coSignerIds: 9 is not a member who can co-sign this item; "
                        + "coSignerIds: 77 is not a member who can co-sign this item; "
                        + "coSignerIds: x is not a member who can co-sign this item");
    }

    @Test
    void titleAndBodyAreRequiredAndBoundedAtTheirLimits() {
        String title200 = "题".repeat(200);
        String body20000 = "文".repeat(20_000);
        assertThat(validator.check(row("R-1", "SUGGESTION", title200, body20000, "EDUCATION", "1", List.of(), null,
                null, null, null, null)).rejection()).isNull();
        assertThat(validator.check(row("R-2", "SUGGESTION", title200 + "题", body20000 + "文", "EDUCATION", "1",
                List.of(), null, null, null, null, null)).rejection()).isEqualTo(
                        "title: required, at most 200 characters; body: required, at most 20000 characters");
        assertThat(validator.check(row("R-3", "SUGGESTION", "", null, "EDUCATION", "1", List.of(), null, null, null,
                null, null)).rejection()).isEqualTo(
                        "title: required, at most 200 characters; body: required, at most 20000 characters");
    }

    @Test
    void theFieldMustBeAnActiveOne() {
        assertThat(validator.check(row("R-1", "SUGGESTION", "t", "b", "AGRICULTURE", "1", List.of(), null, null, null,
                null, null)).rejection()).isEqualTo("field: must be an active field code");
        assertThat(validator.check(row("R-2", "SUGGESTION", "t", "b", null, "1", List.of(), null, null, null, null,
                null)).rejection()).isEqualTo("field: must be an active field code");
    }

    @Test
    void onlyProposalsComeFromGroups() {
        assertThat(validator.check(row("R-1", "SUGGESTION", "t", "b", "EDUCATION", "1", List.of(), "农工党市委", null,
                null, null, null)).rejection()).startsWith("groupName: only proposals come from groups");
    }

    @Test
    void aKeyItemNamesItsLeadingOfficialAndOnlyAKeyItemDoes() {
        assertThat(validator.check(row("R-1", "SUGGESTION", "t", "b", "EDUCATION", "1", List.of(), null, "true", null,
                null, null)).rejection()).startsWith("leadingOfficial: a key item names its leading official");
        assertThat(validator.check(row("R-2", "SUGGESTION", "t", "b", "EDUCATION", "1", List.of(), null, null, "王副市长",
                null, null)).rejection()).startsWith("leadingOfficial:");
        assertThat(validator.check(row("R-3", "SUGGESTION", "t", "b", "EDUCATION", "1", List.of(), null, "true",
                "王".repeat(51), null, null)).rejection()).as("at most 50 characters").startsWith("leadingOfficial:");
        assertThat(validator.check(row("R-4", "SUGGESTION", "t", "b", "EDUCATION", "1", List.of(), null, "yes", null,
                null, null)).rejection()).isEqualTo("keyItem, confidential: must be true or false when given");
    }

    @Test
    void proposersNamedAsTheCommitteeNamesThemMatchExactlyOneMember() {
        MemberDirectory directory = new MemberDirectory(List.of(
                new MemberDirectory.Entry(1, MemberKind.DEPUTY, "王建华", "东城区代表团"),
                new MemberDirectory.Entry(2, MemberKind.DEPUTY, "张伟", "东城区代表团"),
                new MemberDirectory.Entry(3, MemberKind.DEPUTY, "张伟", "西城区代表团"),
                new MemberDirectory.Entry(4, MemberKind.DEPUTY, "李娜", "西城区代表团"),
                new MemberDirectory.Entry(9, MemberKind.CPPCC_MEMBER, "王建华", "经济界")));
        RowValidator byName = new RowValidator(SessionKind.PEOPLES_CONGRESS, Set.of("EDUCATION"), directory,
                Map.of(7, "OLD-7"));
        RowValidator.Outcome ok = byName.check(named("N-1", "王建华", "东城区代表团", List.of("张伟(西城区代表团)", "李娜"), "7"));
        assertThat(ok.rejection()).as("the session's item OLD-7 holds number 7").isEqualTo("committeeNumber: 7 is already the committee's number of OLD-7 in this session");
        ok = byName.check(named("N-2", " 王建华 ", null, List.of("张伟（西城区代表团）", "李娜"), "8"));
        assertThat(ok.rejection()).isNull();
        assertThat(ok.checked().leadProposerId()).as("the CPPCC member of that name cannot lead a suggestion")
                .isEqualTo(1L);
        assertThat(ok.checked().coSignerIds()).containsExactly(3L, 4L);
        assertThat(ok.checked().committeeNumber()).isEqualTo(8);

        assertThat(byName.check(named("N-3", "张伟", null, List.of(), null)).rejection()).isEqualTo(
                "leadProposer: 2 deputies are named 张伟 (东城区代表团, 西城区代表团): name the delegation (代表团)");
        assertThat(byName.check(named("N-4", "赵六", "东城区代表团", List.of("张伟"), "8")).rejection()).isEqualTo(
                "committeeNumber: 8 occurs twice in the file; leadProposer: no deputy named 赵六 in 东城区代表团; "
                        + "coSigners: 2 deputies are named 张伟 (东城区代表团, 西城区代表团): name the delegation (代表团)");
        assertThat(byName.check(new ImportRow(1, "N-5", "SUGGESTION", "t", "b", "EDUCATION", "1", List.of(), null,
                null, null, null, null, "王建华", "东城区代表团", List.of(), "0")).rejection())
                .contains("committeeNumber: must be a positive whole number")
                .contains("leadProposer: name the lead proposer (leadProposer with delegation) or give "
                        + "leadProposerId, not both");
    }

    private static ImportRow named(String ref, String lead, String delegation, List<String> coSigners,
            String committeeNumber) {
        return new ImportRow(1, ref, "SUGGESTION", "关于加快老旧小区加装电梯的建议", "建议简化审批流程。", "EDUCATION", null,
                List.of(), null, null, null, null, null, lead, delegation, coSigners, committeeNumber);
    }
}
