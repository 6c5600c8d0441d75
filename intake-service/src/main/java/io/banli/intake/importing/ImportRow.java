package io.banli.intake.importing;

import java.util.List;

/**
 * One row of a standing committee's file, as read from JSON, CSV or XLSX; still unchecked. Numbers are
 * kept as text so a bad cell is reported with its row instead of failing the whole file. The proposer is
 * named as the committee names them (name, with the 代表团 or 界别) or, from Banli's own exports, by member id.
 */
public record ImportRow(int rowNumber, String externalRef, String kind, String title, String body, String field,
        String leadProposerId, List<String> coSignerIds, String groupName, String keyItem, String leadingOfficial,
        String confidential, String confidentiality, String leadProposer, String delegation, List<String> coSigners,
        String committeeNumber) {

    /** The columns of a CSV or XLSX file, in any order; the header row names them. */
    static final List<String> COLUMNS = List.of("externalRef", "committeeNumber", "kind", "title", "body", "field",
            "leadProposer", "delegation", "coSigners", "leadProposerId", "coSignerIds", "groupName", "keyItem",
            "leadingOfficial", "confidential", "confidentiality");

    /** A row naming its proposers by member id, without the committee's number. */
    public ImportRow(int rowNumber, String externalRef, String kind, String title, String body, String field,
            String leadProposerId, List<String> coSignerIds, String groupName, String keyItem, String leadingOfficial,
            String confidential, String confidentiality) {
        this(rowNumber, externalRef, kind, title, body, field, leadProposerId, coSignerIds, groupName, keyItem,
                leadingOfficial, confidential, confidentiality, null, null, List.of(), null);
    }
}
