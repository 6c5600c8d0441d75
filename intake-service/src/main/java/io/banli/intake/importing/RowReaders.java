package io.banli.intake.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.banli.kit.problem.Problems;

/**
 * Reads an import file into rows, as a stream: reading stops at the first row over the cap (422), so a file of a
 * million rows costs no more than one of {@code maxRows + 1}. A file that cannot be read at all (not JSON, no
 * header) is a 400; a row with a bad value is read as it is and rejected later with its row number.
 */
final class RowReaders {

    private RowReaders() {
    }

    /** A JSON array of objects with the column names as keys; row numbers count from 1. */
    static List<ImportRow> json(ObjectMapper mapper, InputStream content, int maxRows) {
        List<ImportRow> rows = new ArrayList<>();
        try (JsonParser parser = mapper.getFactory().createParser(content)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw Problems.badInput("invalid-import-file", "", "body", "The file must be a JSON array of rows.");
            }
            int number = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() == null) {
                    throw Problems.badInput("invalid-import-file", "", "body", "The file is not valid JSON.");
                }
                number++;
                tooMany(number, maxRows);
                JsonNode node = mapper.readTree(parser);
                rows.add(jsonRow(number, node));
            }
        } catch (IOException e) {
            throw Problems.badInput("invalid-import-file", "", "body", "The file is not valid JSON.");
        }
        return rows;
    }

    private static ImportRow jsonRow(int number, JsonNode node) {
        Map<String, String> cells = new HashMap<>();
        List<String> coSigners = new ArrayList<>();
        List<String> named = new ArrayList<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("coSignerIds") && e.getValue().isArray()) {
                    e.getValue().forEach(v -> coSigners.add(v.asText()));
                } else if (e.getKey().equals("coSigners") && e.getValue().isArray()) {
                    // "李娜（东城区代表团）" or {"name": "李娜", "delegation": "东城区代表团"}
                    e.getValue().forEach(v -> named.add(v.isObject() ? v.path("name").asText()
                            + (v.hasNonNull("delegation") ? "(" + v.get("delegation").asText() + ")" : "")
                            : v.asText()));
                } else if (!e.getValue().isNull()) {
                    cells.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
                }
            });
        }
        return row(number, cells, coSigners, named);
    }

    /** RFC 4180 CSV in UTF-8 (a BOM is skipped), header row first; co-signers separated by ';'. */
    static List<ImportRow> csv(InputStream content, int maxRows) {
        try {
            PushbackInputStream in = new PushbackInputStream(content, 3);
            byte[] bom = in.readNBytes(3);
            if (!(bom.length == 3 && (bom[0] & 0xff) == 0xEF && (bom[1] & 0xff) == 0xBB && (bom[2] & 0xff) == 0xBF)) {
                in.unread(bom);
            }
            // Malformed UTF-8 becomes U+FFFD, as new String(bytes, UTF_8) did when the file was read whole.
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            return table(CsvParser.stream(new BufferedReader(new InputStreamReader(in, decoder))), maxRows);
        } catch (IOException | UncheckedIOException e) {
            throw Problems.badInput("invalid-import-file", "", "body", "The file cannot be read.");
        }
    }

    /** Rows of cells, the first naming the columns; stops reading at the first row over {@code maxRows}. */
    static List<ImportRow> table(Iterator<List<String>> records, int maxRows) {
        if (!records.hasNext()) {
            throw Problems.badInput("invalid-import-file", "", "body", "The file is empty: a header row is expected.");
        }
        List<String> header = records.next().stream().map(s -> s == null ? "" : s.trim()).toList();
        if (!header.contains("externalRef") || !header.contains("title")) {
            throw Problems.badInput("invalid-import-file", "", "body", "The header row must name the columns "
                    + ImportRow.COLUMNS + "; externalRef and title at least.");
        }
        List<ImportRow> rows = new ArrayList<>();
        for (int r = 1; records.hasNext(); r++) {
            List<String> record = records.next();
            if (record.stream().allMatch(c -> c == null || c.isBlank())) {
                continue; // trailing empty lines are not rows
            }
            tooMany(rows.size() + 1, maxRows);
            Map<String, String> cells = new HashMap<>();
            for (int c = 0; c < header.size() && c < record.size(); c++) {
                String value = record.get(c);
                if (value != null && !value.isEmpty()) {
                    cells.put(header.get(c), value);
                }
            }
            String coSigners = cells.get("coSignerIds");
            String named = cells.get("coSigners");
            rows.add(row(r, cells, coSigners == null || coSigners.isBlank() ? List.of()
                    : Arrays.stream(coSigners.split("[;；,，\\s]+")).filter(s -> !s.isBlank()).toList(),
                    // names may hold a middle dot or a space, so only ; and 、 separate them
                    named == null || named.isBlank() ? List.of()
                    : Arrays.stream(named.split("[;；、]")).filter(s -> !s.isBlank()).map(String::trim).toList()));
        }
        return rows;
    }

    private static void tooMany(int rows, int maxRows) {
        if (rows > maxRows) {
            throw Problems.unprocessable("too-many-rows", "An import file has at most " + maxRows
                    + " rows; this one has more. Split it and import the parts one after the other.");
        }
    }

    private static ImportRow row(int number, Map<String, String> c, List<String> coSigners, List<String> named) {
        return new ImportRow(number, c.get("externalRef"), c.get("kind"), c.get("title"), c.get("body"), c.get("field"),
                c.get("leadProposerId"), coSigners, c.get("groupName"), c.get("keyItem"), c.get("leadingOfficial"),
                c.get("confidential"), c.get("confidentiality"), c.get("leadProposer"), c.get("delegation"), named,
                c.get("committeeNumber"));
    }
}
