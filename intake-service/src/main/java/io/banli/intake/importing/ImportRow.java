package io.banli.intake.importing;

import java.util.List;

/**
 * One row of a standing committee's file, as read from JSON, CSV or XLSX; still unchecked. Numbers are
 * kept as text so a bad cell is reported with its row instead of failing the whole file.
 */
public record ImportRow(int rowNumber, String externalRef, String kind, String title, String body, String field,
        String leadProposerId, List<String> coSignerIds, String groupName, String keyItem, String leadingOfficial,
        String confidential, String confidentiality) {

    /** The columns of a CSV or XLSX file, in any order; the header row names them. */
    static final List<String> COLUMNS = List.of("externalRef", "kind", "title", "body", "field", "leadProposerId",
            "coSignerIds", "groupName", "keyItem", "leadingOfficial", "confidential", "confidentiality");
}
