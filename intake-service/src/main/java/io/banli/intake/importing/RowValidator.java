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
            boolean confidential, Confidentiality confidentiality, Integer committeeNumber) {
    }

    /** Either the checked row or the reason it is rejected. */
    record Outcome(Checked checked, String rejection) {
    }

    private final SessionKind sessionKind;
    private final Set<String> fields;
    private final MemberDirectory members;
    /** The committee's numbers the session holds already, with the externalRef of the item holding each. */
    private final Map<Integer, String> committeeNumbersTaken;
    private final Set<String> refsSeen = new HashSet<>();
    private final Set<Integer> committeeNumbersSeen = new HashSet<>();

    RowValidator(SessionKind sessionKind, Set<String> fields, Map<Long, MemberKind> members) {
        this(sessionKind, fields, MemberDirectory.ofKinds(members), Map.of());
    }

    RowValidator(SessionKind sessionKind, Set<String> fields, MemberDirectory members,
            Map<Integer, String> committeeNumbersTaken) {
        this.sessionKind = sessionKind;
        this.fields = fields;
        this.members = members;
        this.committeeNumbersTaken = committeeNumbersTaken;
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
        Integer committeeNumber = committeeNumber(r, problems);
        MemberKind expected = kind == SubmissionKind.PROPOSAL ? MemberKind.CPPCC_MEMBER : MemberKind.DEPUTY;
        Long lead = lead(r, kind, expected, problems);
        List<Long> coSigners = new ArrayList<>();
        for (String id : r.coSignerIds()) {
            Long coSigner = number(id);
            if (coSigner == null || !members.has(coSigner) || members.kindOf(coSigner) != expected
                    || coSigner.equals(lead)) {
                problems.add("coSignerIds: " + id + " is not a member who can co-sign this item");
            } else if (!coSigners.contains(coSigner)) {
                coSigners.add(coSigner);
            }
        }
        for (String named : r.coSigners()) {
            Named who = Named.parse(named);
            MemberDirectory.Match match = members.byName(expected, who.name(), who.delegation());
            if (match.problem() != null) {
                problems.add("coSigners: " + match.problem());
            } else if (match.id().equals(lead)) {
                problems.add("coSigners: " + named + " is the lead proposer");
            } else if (!coSigners.contains(match.id())) {
                coSigners.add(match.id());
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
        return new Outcome(new Checked(r, kind, lead, coSigners, keyItem, confidential, reason, committeeNumber),
                null);
    }

    /** The lead proposer, by name and delegation (the committee's way) or by member id, not both. */
    private Long lead(ImportRow r, SubmissionKind kind, MemberKind expected, List<String> problems) {
        boolean byName = !blank(r.leadProposer());
        if (byName == !blank(r.leadProposerId())) {
            problems.add("leadProposer: name the lead proposer (leadProposer with delegation) or give "
                    + "leadProposerId, not both");
            return null;
        }
        if (byName) {
            String delegation = blank(r.delegation()) ? null : r.delegation().trim();
            MemberDirectory.Match match = members.byName(expected, r.leadProposer().trim(), delegation);
            if (match.problem() != null) {
                problems.add("leadProposer: " + match.problem());
            }
            return match.id();
        }
        Long lead = number(r.leadProposerId());
        if (lead == null || !members.has(lead)) {
            problems.add("leadProposerId: no such member");
        } else if (kind != null && members.kindOf(lead) != expected) {
            problems.add("leadProposerId: member " + lead + " cannot lead a " + kind);
        }
        return lead;
    }

    /** The committee's own number: optional, a positive whole number, once in the file and in the session. */
    private Integer committeeNumber(ImportRow r, List<String> problems) {
        if (blank(r.committeeNumber())) {
            return null;
        }
        Long n = number(r.committeeNumber());
        if (n == null || n < 1 || n > Integer.MAX_VALUE) {
            problems.add("committeeNumber: must be a positive whole number");
            return null;
        }
        int number = n.intValue();
        String holder = committeeNumbersTaken.get(number);
        if (holder != null && !holder.equals(r.externalRef())) {
            problems.add("committeeNumber: " + number + " is already the committee's number of " + holder
                    + " in this session");
        } else if (!committeeNumbersSeen.add(number)) {
            problems.add("committeeNumber: " + number + " occurs twice in the file");
        }
        return number;
    }

    /** A co-signer as the committee writes one: 李娜（东城区代表团） or 李娜(东城区代表团), or the name alone. */
    record Named(String name, String delegation) {

        static Named parse(String cell) {
            String s = cell.trim().replace('（', '(').replace('）', ')');
            int open = s.indexOf('(');
            if (open > 0 && s.endsWith(")")) {
                return new Named(s.substring(0, open).trim(), s.substring(open + 1, s.length() - 1).trim());
            }
            return new Named(s, null);
        }
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
