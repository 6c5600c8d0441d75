package io.banli.intake.member;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.banli.intake.importing.CsvParser;
import io.banli.intake.importing.XlsxRows;
import io.banli.kit.audit.AuditLog;
import io.banli.kit.problem.Problems;
import io.banli.kit.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;

@Path("/api/v1/members/roster")
@Tag(name = "Members")
public class RosterResource {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 -]{7,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    @Inject
    AuditLog audit;

    @Schema(name = "RosterRejectedRow", description = "A roster row that was not imported, and why.")
    public record RejectedRow(int row, String reason) {
    }

    public record RosterReport(int total, int accepted, int skipped, int rejected, List<RejectedRow> rejections) {
    }

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @POST
    @Consumes({"text/csv", XLSX})
    @RolesAllowed(Roles.OFFICE)
    @io.banli.kit.limits.BodyLimit(megabytes = 5)
    @Operation(summary = "Import a member roster", description = """
            CSV (UTF-8) or XLSX (first sheet) with the header `kind,name,delegation,phone,email,address`. Each row is checked like a
            registration; a member already on the roster (same kind, name and delegation) is skipped, so the same
            roster can be imported again. Rejected rows are reported with their row number (data rows count from 1)
            and reason, without their contact data.""")
    @RequestBody(content = @Content(mediaType = "text/csv", examples = @ExampleObject(name = "roster", value = """
            kind,name,delegation,phone,email,address
            DEPUTY,陈晓明,东城区代表团,13800138000,chenxm@example.com,北京市东城区和平里街道1号""")))
    @APIResponse(responseCode = "200", description = "The report", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RosterReport.class),
            examples = @ExampleObject(name = "report", value = """
            {"total": 2, "accepted": 1, "skipped": 0, "rejected": 1,
             "rejections": [{"row": 2, "reason": "phone: must be a phone number"}]}""")))
    @APIResponse(responseCode = "400", description = "No header row naming kind, name and delegation")
    public RosterReport importRoster(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] file) {
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
            MemberKind.valueOf(row.getOrDefault("kind", ""));
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
        return true;
    }
}
