package io.banli.intake.importing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.banli.intake.importing.RosterApi.RejectedRow;
import io.banli.intake.importing.RosterApi.RosterReport;
import io.banli.intake.member.Member;
import io.banli.intake.member.MemberKind;
import io.banli.kit.audit.AuditLog;
import io.banli.kit.problem.Problems;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Imports a member roster (the member register's batch import: it reads files as the item import does) row by row. Each stored row commits on its own, so a roster that fails half-way keeps the
 * members stored before the failure, and importing it again skips them.
 */
@ApplicationScoped
public class RosterService {

    @Inject
    io.banli.kit.change.StateChange change;

    static final String XLSX = ImportService.XLSX;

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 -]{7,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Inject
    AuditLog audit;

    /** Reads the CSV or XLSX roster, checks each row and stores the new members, each in a transaction of its own. */
    public RosterReport importRoster(String contentType, byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        List<List<String>> records = contentType != null && contentType.startsWith(XLSX) ? XlsxRows.records(file)
                : CsvParser.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        List<String> header = records.isEmpty() ? List.of() : records.get(0).stream().map(String::trim).toList();
        if (!header.containsAll(List.of("kind", "name", "delegation"))) {
            throw Problems.badInput("invalid-import-file", "", "body",
                    "The header row must name kind, name, delegation (and may name phone, email, address).");
        }
        List<RejectedRow> rejections = new ArrayList<>();
        int[] counts = new int[2];
        for (int r = 1; r < records.size(); r++) {
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.size() && c < records.get(r).size(); c++) {
                String value = records.get(r).get(c).trim();
                if (!value.isEmpty()) {
                    row.put(header.get(c), value);
                }
            }
            if (row.isEmpty()) {
                continue;
            }
            String problem = check(row);
            if (problem != null) {
                rejections.add(new RejectedRow(r, problem));
                continue;
            }
            int rowNumber = r;
            boolean stored = QuarkusTransaction.requiringNew().call(() -> store(row, rowNumber));
            counts[stored ? 0 : 1]++;
        }
        return new RosterReport(counts[0] + counts[1] + rejections.size(), counts[0], counts[1], rejections.size(),
                rejections);
    }

    private static String check(Map<String, String> row) {
        List<String> problems = new ArrayList<>();
        try {
            if (MemberKind.valueOf(row.getOrDefault("kind", "")) == MemberKind.GROUP) {
                // A group needs its type and contact person: registered one by one (POST /members/groups).
                problems.add("kind: a GROUP is registered at /members/groups, with its type and contact person");
            }
        } catch (IllegalArgumentException e) {
            problems.add("kind: " + Problems.oneOf(MemberKind.class));
        }
        if (row.get("name") == null || row.get("name").length() > 50) {
            problems.add("name: required, at most 50 characters");
        }
        if (row.get("delegation") == null || row.get("delegation").length() > 100) {
            problems.add("delegation: required, at most 100 characters");
        }
        if (row.get("phone") != null && !PHONE.matcher(row.get("phone")).matches()) {
            problems.add("phone: must be a phone number");
        }
        if (row.get("email") != null && (row.get("email").length() > 100 || !EMAIL.matcher(row.get("email")).matches())) {
            problems.add("email: must be an e-mail address");
        }
        if (row.get("address") != null && row.get("address").length() > 200) {
            problems.add("address: at most 200 characters");
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** Stores the member unless the roster holds them already; true when stored. */
    private boolean store(Map<String, String> row, int rowNumber) {
        MemberKind kind = MemberKind.valueOf(row.get("kind"));
        if (Member.count("kind = ?1 and name = ?2 and delegation = ?3", kind, row.get("name"), row.get("delegation")) > 0) {
            return false;
        }
        Member member = new Member();
        member.kind = kind;
        member.name = row.get("name");
        member.delegation = row.get("delegation");
        member.phone = row.get("phone");
        member.email = row.get("email");
        member.address = row.get("address");
        member.persist();
        audit.record("member.registered", "member", member.id, "roster row " + rowNumber);
        change.announce(io.banli.intake.submission.SubmissionEvents.TOPIC, io.banli.intake.member.MemberEvents.REGISTERED,
                io.banli.intake.member.MemberEvents.key(member),
                io.banli.intake.member.MemberEvents.MemberRegisteredV1.of(member, change.now()));
        return true;
    }
}
