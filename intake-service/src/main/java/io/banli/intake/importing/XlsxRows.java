package io.banli.intake.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import io.banli.kit.problem.Problems;
import io.quarkiverse.resteasy.problem.HttpProblem;

/**
 * XLSX workbooks: the first sheet, header row first, read as a stream of rows, after {@link WorkbookBounds} has
 * checked that the zip is no bomb.
 */
public final class XlsxRows {

    private XlsxRows() {
    }

    /** The rows of an import workbook; reading stops at the first row over {@code maxRows}. */
    static List<ImportRow> read(byte[] file, int maxRows) {
        open(file);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file));
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            Iterator<List<String>> records = rows.map(XlsxRows::cells).iterator();
            return RowReaders.table(records, maxRows);
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    /** The cells of the first sheet, row by row, as text. */
    public static List<List<String>> records(byte[] file) {
        open(file);
        List<List<String>> records = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file));
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            rows.forEach(row -> records.add(cells(row)));
        } catch (IOException | RuntimeException e) {
            throw unreadable(e);
        }
        return records;
    }

    /** A zip with the OOXML signature, within {@link WorkbookBounds}. */
    private static void open(byte[] file) {
        if (file.length < 8 || !ReadableWorkbook.isOOXMLZipHeader(file)) {
            throw Problems.badInput("invalid-import-file", "", "body", "The file is not an XLSX workbook.");
        }
        WorkbookBounds.check(file);
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < row.getCellCount(); i++) {
            cells.add(text(row.getCell(i)));
        }
        return cells;
    }

    /** Our own refusals (too many rows) pass; anything the reader throws is an unreadable workbook. */
    private static RuntimeException unreadable(Exception e) {
        if (e instanceof HttpProblem problem) {
            return problem;
        }
        return Problems.badInput("invalid-import-file", "", "body", "The XLSX workbook cannot be read.");
    }

    /** Numbers without a decimal tail (ids typed into a sheet are numbers), booleans as true/false. */
    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            return cell.asNumber().stripTrailingZeros().toPlainString();
        }
        if (cell.getType() == CellType.BOOLEAN) {
            return String.valueOf(cell.asBoolean());
        }
        return cell.getText();
    }
}
