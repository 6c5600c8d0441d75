package io.banli.intake.submission;

import java.util.Collection;

import io.banli.intake.field.SubjectField;
import io.banli.intake.member.Member;
import io.banli.intake.member.MemberKind;
import io.banli.intake.session.Session;
import io.banli.intake.session.SessionKind;
import io.banli.kit.problem.Problems;

/** The content rules every way of filing shares (portal, office, import): each broken rule is a 422. */
public final class SubmissionRules {

    private SubmissionRules() {
    }

    public static Session session(long id) {
        return Session.<Session>findByIdOptional(id).orElseThrow(
                () -> Problems.unprocessable("unknown-session", "No session with id " + id + "."));
    }

    public static Member member(long id) {
        return Member.<Member>findByIdOptional(id).orElseThrow(
                () -> Problems.unprocessable("unknown-member", "No member with id " + id + "."));
    }

    /** Suggestions belong to people's congress sessions and deputies, proposals to CPPCC sessions and members. */
    public static void checkKinds(SubmissionKind kind, Session session, Member proposer) {
        boolean suggestion = kind == SubmissionKind.SUGGESTION;
        if (suggestion != (session.kind == SessionKind.PEOPLES_CONGRESS)) {
            throw Problems.unprocessable("kind-mismatch", "A " + kind + " cannot be filed at a " + session.kind
                    + " session: suggestions belong to people's congress sessions, proposals to CPPCC sessions.");
        }
        if (suggestion == proposer.kind.cppcc()) {
            throw Problems.unprocessable("kind-mismatch", "A " + kind + " cannot be led by a " + proposer.kind
                    + ": deputies file suggestions, CPPCC members and groups file proposals.");
        }
    }

    /**
     * The group an item comes from (集体提案). Led by a group, it is that group, and a different label is a 422; led
     * by a member, the label as asked (the older form: a member files for a group that is not on the register).
     */
    public static String groupName(Member proposer, String asked) {
        if (proposer.kind != MemberKind.GROUP) {
            return asked;
        }
        if (asked != null && !asked.equals(proposer.name)) {
            throw Problems.unprocessable("group-name-mismatch", "The item is led by the group " + proposer.name
                    + " (member " + proposer.id + "): groupName, when given, must be its name, not " + asked + ".");
        }
        return proposer.name;
    }

    /**
     * Co-signers belong to the lead proposer's assembly (deputies with deputies; CPPCC members and groups together:
     * several parties may file one proposal jointly), and are not the lead proposer.
     */
    public static void checkCoSigners(Collection<Long> ids, Member lead) {
        for (Long id : ids) {
            Member coSigner = member(id);
            if (coSigner.id.equals(lead.id)) {
                throw Problems.unprocessable("invalid-co-signer", "The lead proposer cannot co-sign their own item.");
            }
            if (coSigner.kind.cppcc() != lead.kind.cppcc()) {
                throw Problems.unprocessable("kind-mismatch", "Member " + id + " is a " + coSigner.kind
                        + " and cannot co-sign with a " + lead.kind + ".");
            }
        }
    }

    public static void checkContent(SubmissionKind kind, String field, String groupName, Boolean confidential,
            Confidentiality confidentiality) {
        SubjectField.requireActive(field);
        if (groupName != null && kind != SubmissionKind.PROPOSAL) {
            throw Problems.unprocessable("group-not-allowed",
                    "Only proposals come from groups (集体提案); a suggestion is filed by deputies.");
        }
        if (Boolean.TRUE.equals(confidential) != (confidentiality != null)) {
            throw Problems.unprocessable("confidentiality-reason",
                    "A confidential item names why (confidentiality), and only a confidential item does.");
        }
    }

    /** A key item is handled under a named leading official, and only a key item has one. */
    public static void checkKeyItem(Boolean keyItem, String leadingOfficial) {
        if (Boolean.TRUE.equals(keyItem) != (leadingOfficial != null && !leadingOfficial.isBlank())) {
            throw Problems.unprocessable("leading-official",
                    "A key item (keyItem) names its leading official (leadingOfficial), and only a key item does.");
        }
    }
}
