package io.banli.intake.importing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.banli.intake.member.MemberKind;
import io.banli.intake.session.SessionKind;
import io.banli.intake.submission.Confidentiality;
import io.banli.intake.submission.SubmissionKind;

/**
 * Checks one row against the same rules as filing through the API, without touching the database:
 * the session's kind, the active fields and the members are loaded once for the whole file.
 */
final class RowValidator {

    /** A row that passed every check, ready to store. */
    record Checked(ImportRow row, SubmissionKind kind, long leadProposerId, List<Long> coSignerIds, boolean keyItem,
            boolean confidential, Confidentiality confidentiality) {
    }

    /** Either the checked row or the reason it is rejected. */
    record Outcome(Checked checked, String rejection) {
    }

    private final SessionKind sessionKind;
    private final Set<String> fields;
    private final Map<Long, MemberKind> members;
    private final Set<String> refsSeen = new HashSet<>();

    RowValidator(SessionKind sessionKind, Set<String> fields, Map<Long, MemberKind> members) {
        this.sessionKind = sessionKind;
        this.fields = fields;
        this.members = members;
    }

    Outcome check(ImportRow r) {
        List<String> problems = new ArrayList<>();
        if (blank(r.externalRef()) || r.externalRef().length() > 100) {
            problems.add("externalRef: required, at most 100 characters");
        } else if (!refsSeen.add(r.externalRef())) {
            problems.add("externalRef: " + r.externalRef() + " occurs twice in the file");
        }
        SubmissionKind kind = parse(SubmissionKind.class, r.kind());
        if (kind == null) {
            problems.add("kind: must be one of SUGGESTION, PROPOSAL");
        } else if ((kind == SubmissionKind.SUGGESTION) != (sessionKind == SessionKind.PEOPLES_CONGRESS)) {
            problems.add("kind: a " + kind + " does not belong to a " + sessionKind + " session");
        }
        if (blank(r.title()) || r.title().length() > 200) {
            problems.add("title: required, at most 200 characters");
        }
        if (blank(r.body()) || r.body().length() > 20_000) {
            problems.add("body: required, at most 20000 characters");
        }
        if (r.field() == null || !fields.contains(r.field())) {
            problems.add("field: must be an active field code");
        }
        Long lead = number(r.leadProposerId());
        MemberKind expected = kind == SubmissionKind.PROPOSAL ? MemberKind.CPPCC_MEMBER : MemberKind.DEPUTY;
        if (lead == null || !members.containsKey(lead)) {
            problems.add("leadProposerId: no such member");
        } else if (kind != null && members.get(lead) != expected) {
            problems.add("leadProposerId: member " + lead + " cannot lead a " + kind);
        }
        List<Long> coSigners = new ArrayList<>();
        for (String id : r.coSignerIds()) {
            Long coSigner = number(id);
            if (coSigner == null || !members.containsKey(coSigner) || members.get(coSigner) != expected
                    || coSigner.equals(lead)) {
                problems.add("coSignerIds: " + id + " is not a member who can co-sign this item");
            } else if (!coSigners.contains(coSigner)) {
                coSigners.add(coSigner);
            }
        }
        if (r.groupName() != null && (kind != SubmissionKind.PROPOSAL || r.groupName().length() > 100)) {
            problems.add("groupName: only proposals come from groups, at most 100 characters");
        }
        Boolean keyItem = bool(r.keyItem());
        Boolean confidential = bool(r.confidential());
        if (keyItem == null || confidential == null) {
            problems.add("keyItem, confidential: must be true or false when given");
        }
        if (Boolean.TRUE.equals(keyItem) != !blank(r.leadingOfficial())
                || r.leadingOfficial() != null && r.leadingOfficial().length() > 50) {
            problems.add("leadingOfficial: a key item names its leading official (at most 50 characters), "
                    + "and only a key item does");
        }
        Confidentiality reason = r.confidentiality() == null ? null : parse(Confidentiality.class, r.confidentiality());
        if (r.confidentiality() != null && reason == null
                || Boolean.TRUE.equals(confidential) != (reason != null)) {
            problems.add("confidentiality: a confidential item names why (SECRET, COMMERCIAL, PRIVATE, "
                    + "PROPOSER_REQUEST), and only a confidential item does");
        }
        if (!problems.isEmpty()) {
            return new Outcome(null, String.join("; ", problems));
        }
        return new Outcome(new Checked(r, kind, lead, coSigners, keyItem, confidential, reason), null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static Long number(String s) {
        try {
            return s == null ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Empty means false; anything else but true/false is an error (null). */
    private static Boolean bool(String s) {
        if (blank(s) || s.trim().equalsIgnoreCase("false")) {
            return false;
        }
        return s.trim().equalsIgnoreCase("true") ? true : null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String s) {
        try {
            return s == null ? null : Enum.valueOf(type, s.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
