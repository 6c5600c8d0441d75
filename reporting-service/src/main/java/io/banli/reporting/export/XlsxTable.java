package io.banli.reporting.export;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** One worksheet, streamed: rows are flushed to the response every thousand, the header row bold. */
final class XlsxTable implements Table {

    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;

    XlsxTable(OutputStream stream, String sheetName) {
        workbook = new Workbook(stream, "Banli", "1.0");
        sheet = workbook.newWorksheet(sheetName);
    }

    @Override
    public void row(List<?> cells) throws IOException {
        for (int c = 0; c < cells.size(); c++) {
            Object v = cells.get(c);
            if (v instanceof Number n) {
                sheet.value(row, c, n instanceof BigDecimal b ? b : n);
            } else if (v instanceof Boolean b) {
                sheet.value(row, c, b ? "是" : "否");
            } else if (v != null) {
                sheet.value(row, c, Formulas.inert(v.toString()));
            }
            if (row == 0) {
                sheet.style(row, c).bold().set();
            }
        }
        row++;
        if (row % 1000 == 0) {
            sheet.flush();
        }
    }

    @Override
    public void close() throws IOException {
        workbook.finish();
    }
}
