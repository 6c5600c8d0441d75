package io.banli.intake.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import io.banli.kit.problem.Problems;

/** XLSX workbooks: the first sheet, header row first, read as a stream of rows. */
public final class XlsxRows {

    private XlsxRows() {
    }

    static List<ImportRow> read(byte[] file) {
        return RowReaders.table(records(file));
    }

    /** The cells of the first sheet, row by row, as text. */
    public static List<List<String>> records(byte[] file) {
        if (file.length < 8 || !ReadableWorkbook.isOOXMLZipHeader(file)) {
            throw Problems.badInput("invalid-import-file", "", "body", "The file is not an XLSX workbook.");
        }
        List<List<String>> records = new ArrayList<>();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(file));
                Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            rows.forEach(row -> {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(text(row.getCell(i)));
                }
                records.add(cells);
            });
        } catch (IOException | RuntimeException e) {
            throw Problems.badInput("invalid-import-file", "", "body", "The XLSX workbook cannot be read.");
        }
        return records;
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
