package io.banli.intake.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 4180 as the import and the roster read it. */
class CsvParserTest {

    @Test
    void quotedCellsHoldCommasDoubledQuotesAndLineBreaks() {
        List<List<String>> records = CsvParser.parse("""
                title,body
                "关于加快老旧小区加装电梯的建议","简化审批, 分摊费用；""一梯一议""
                第二段"
                """);
        assertThat(records).containsExactly(
                List.of("title", "body"),
                List.of("关于加快老旧小区加装电梯的建议", "简化审批, 分摊费用；\"一梯一议\"\n第二段"));
    }

    @Test
    void crlfLfAndCrEndRecordsAndACrlfInsideQuotesIsKept() {
        assertThat(CsvParser.parse("a,b\r\nc,d\ne,f\rg,h")).containsExactly(
                List.of("a", "b"), List.of("c", "d"), List.of("e", "f"), List.of("g", "h"));
        assertThat(CsvParser.parse("\"line one\r\nline two\",x\r\n"))
                .containsExactly(List.of("line one\r\nline two", "x"));
    }

    @Test
    void aTrailingLineBreakEndsTheLastRecordAndEmptyCellsStay() {
        assertThat(CsvParser.parse("a,,c\r\n")).containsExactly(List.of("a", "", "c"));
        assertThat(CsvParser.parse(",\n")).containsExactly(List.of("", ""));
        assertThat(CsvParser.parse("a\n\nb\n")).as("an empty line is a record of one empty cell")
                .containsExactly(List.of("a"), List.of(""), List.of("b"));
        assertThat(CsvParser.parse("\"\"")).containsExactly(List.of(""));
        assertThat(CsvParser.parse("")).isEmpty();
    }

    @Test
    void recordsAreReadOneAtATimeSoTheRestOfAFileIsNeverRead() {
        String first = "a,\"b\nc\"\n";
        Reader file = new Reader() {
            int position;

            @Override
            public int read(char[] buffer, int offset, int length) {
                if (position == first.length()) {
                    throw new AssertionError("read past the first record");
                }
                int n = Math.min(length, first.length() - position);
                first.getChars(position, position + n, buffer, offset);
                position += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        CsvParser records = CsvParser.stream(file);
        assertThat(records.hasNext()).isTrue();
        assertThat(records.next()).containsExactly("a", "b\nc");
    }

    @Test
    void theImportSkipsAUtf8ByteOrderMarkBeforeTheHeader() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "externalRef,title\r\nR-1,关于增开夜班公交线路的建议\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(text, 0, file, bom.length, text.length);

        List<ImportRow> rows = RowReaders.csv(new ByteArrayInputStream(file), 10);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).externalRef()).isEqualTo("R-1");
        assertThat(rows.get(0).title()).isEqualTo("关于增开夜班公交线路的建议");
        assertThat(rows.get(0).rowNumber()).isEqualTo(1);
    }
}
