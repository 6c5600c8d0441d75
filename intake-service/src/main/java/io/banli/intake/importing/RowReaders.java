package io.banli.intake.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.kit.problem.Problems;

/**
 * Reads an import file into rows. A file that cannot be read at all (not JSON, no header) is a 400;
 * a row with a bad value is read as it is and rejected later with its row number.
 */
final class RowReaders {

    private RowReaders() {
    }

    /** A JSON array of objects with the column names as keys; row numbers count from 1. */
    static List<ImportRow> json(ObjectMapper mapper, byte[] content) {
        JsonNode root;
        try {
            root = mapper.readTree(content);
        } catch (IOException e) {
            throw Problems.badInput("invalid-import-file", "", "body", "The file is not valid JSON.");
        }
        if (root == null || !root.isArray()) {
            throw Problems.badInput("invalid-import-file", "", "body", "The file must be a JSON array of rows.");
        }
        List<ImportRow> rows = new ArrayList<>();
        int number = 0;
        for (JsonNode node : root) {
            number++;
            Map<String, String> cells = new HashMap<>();
            List<String> coSigners = new ArrayList<>();
            if (node.isObject()) {
                node.fields().forEachRemaining(e -> {
                    if (e.getKey().equals("coSignerIds") && e.getValue().isArray()) {
                        e.getValue().forEach(v -> coSigners.add(v.asText()));
                    } else if (!e.getValue().isNull()) {
                        cells.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                    }
                });
            }
            rows.add(row(number, cells, coSigners));
        }
        return rows;
    }

    /** RFC 4180 CSV in UTF-8 (a BOM is skipped), header row first; co-signer ids separated by ';'. */
    static List<ImportRow> csv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> records = CsvParser.parse(text);
        return table(records);
    }

    /** Rows of cells, the first naming the columns. */
    static List<ImportRow> table(List<List<String>> records) {
        if (records.isEmpty()) {
            throw Problems.badInput("invalid-import-file", "", "body", "The file is empty: a header row is expected.");
        }
        List<String> header = records.get(0).stream().map(String::trim).toList();
        if (!header.contains("externalRef") || !header.contains("title")) {
            throw Problems.badInput("invalid-import-file", "", "body", "The header row must name the columns "
                    + ImportRow.COLUMNS + "; externalRef and title at least.");
        }
        List<ImportRow> rows = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> record = records.get(r);
            if (record.stream().allMatch(c -> c == null || c.isBlank())) {
                continue; // trailing empty lines are not rows
            }
            Map<String, String> cells = new HashMap<>();
            for (int c = 0; c < header.size() && c < record.size(); c++) {
                String value = record.get(c);
                if (value != null && !value.isEmpty()) {
                    cells.put(header.get(c), value);
                }
            }
            String coSigners = cells.get("coSignerIds");
            rows.add(row(r, cells, coSigners == null || coSigners.isBlank() ? List.of()
                    : Arrays.stream(coSigners.split("[;；,，\\s]+")).filter(s -> !s.isBlank()).toList()));
        }
        return rows;
    }

    static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private static ImportRow row(int number, Map<String, String> c, List<String> coSigners) {
        return new ImportRow(number, c.get("externalRef"), c.get("kind"), c.get("title"), c.get("body"), c.get("field"),
                c.get("leadProposerId"), coSigners, c.get("groupName"), c.get("keyItem"), c.get("leadingOfficial"),
                c.get("confidential"), c.get("confidentiality"));
    }
}
