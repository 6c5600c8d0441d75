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
        if (suggestion != (proposer.kind == MemberKind.DEPUTY)) {
            throw Problems.unprocessable("kind-mismatch", "A " + kind + " cannot be led by a " + proposer.kind
                    + ": deputies file suggestions, CPPCC members file proposals.");
        }
    }

    /** Co-signers are members of the same kind as the lead proposer, and not the lead proposer. */
    public static void checkCoSigners(Collection<Long> ids, Member lead) {
        for (Long id : ids) {
            Member coSigner = member(id);
            if (coSigner.id.equals(lead.id)) {
                throw Problems.unprocessable("invalid-co-signer", "The lead proposer cannot co-sign their own item.");
            }
            if (coSigner.kind != lead.kind) {
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
