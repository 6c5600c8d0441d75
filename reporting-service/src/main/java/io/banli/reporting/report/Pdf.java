package io.banli.reporting.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import io.banli.reporting.compilation.CjkFont;
import io.banli.reporting.compilation.PageNumbers;

/**
 * Renders the report's own small Markdown (headings, paragraphs, quotes, tables, images) as an A4 PDF
 * with the charts embedded, so the office can send the report as it is. All text is set in the bundled
 * font ({@link CjkFont}), embedded as a subset, so every reader shows and searches the same glyphs.
 * Only images the report made (PNG data URIs) are read; any other line is printed as text, so no user
 * text can make the document fail.
 */
final class Pdf {

    private static final String PNG = "data:image/png;base64,";
    private static final float MARGIN = 64;

    private Pdf() {
    }

    static byte[] document(String title, String markdown) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        Fonts fonts = new Fonts();
        writer.setPageEvent(new PageNumbers(fonts.embedded, MARGIN));
        document.addTitle(Markdown.plain(title));
        document.open();
        List<String[]> table = new ArrayList<>();
        for (String line : markdown.split("\n")) {
            if (line.startsWith("|")) {
                if (!line.matches("\\|[-| ]+\\|")) {
                    table.add(Markdown.cells(line).toArray(String[]::new));
                }
                continue;
            }
            if (!table.isEmpty()) {
                document.add(table(table, fonts));
                table.clear();
            }
            if (line.startsWith("# ")) {
                Paragraph heading = paragraph(fonts.text(Markdown.plain(line.substring(2)), 18, Font.BOLD, null), 28);
                heading.setAlignment(Element.ALIGN_CENTER);
                heading.setSpacingAfter(14);
                document.add(heading);
            } else if (line.startsWith("## ")) {
                Paragraph heading = paragraph(fonts.text(Markdown.plain(line.substring(3)), 14, Font.BOLD, null), 22);
                heading.setSpacingBefore(10);
                heading.setSpacingAfter(6);
                document.add(heading);
            } else if (line.startsWith("> ")) {
                Paragraph note = paragraph(fonts.text(Markdown.plain(line.substring(2)), 9, Font.NORMAL,
                        Color.DARK_GRAY), 14);
                note.setSpacingAfter(8);
                document.add(note);
            } else if (isChart(line)) {
                int close = line.indexOf("](");
                figure(document, fonts, Markdown.plain(line.substring(2, close)),
                        line.substring(close + 2, line.lastIndexOf(')')));
            } else if (!line.isBlank()) {
                Paragraph body = paragraph(fonts.text(Markdown.plain(line), 11, Font.NORMAL, null), 20);
                body.setFirstLineIndent(22);
                body.setSpacingAfter(4);
                document.add(body);
            }
        }
        if (!table.isEmpty()) {
            document.add(table(table, fonts));
        }
        document.close();
        return out.toByteArray();
    }

    /** A line that shows one of the report's own charts: {@code ![caption](data:image/png;base64,…)}. */
    static boolean isChart(String line) {
        int close = line.indexOf("](");
        return line.startsWith("![") && close > 0 && line.endsWith(")")
                && line.startsWith(PNG, close + 2) && line.substring(close + 2 + PNG.length(), line.length() - 1)
                        .matches("[A-Za-z0-9+/=]*");
    }

    private static void figure(Document document, Fonts fonts, String caption, String source) {
        Image image;
        try {
            image = Image.getInstance(Base64.getDecoder().decode(source.substring(PNG.length())));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a chart the report drew cannot be read back", e);
        }
        float width = document.getPageSize().getWidth() - 2 * MARGIN;
        image.scaleToFit(width * 0.85f, 320);
        image.setAlignment(Image.ALIGN_CENTER);
        image.setSpacingBefore(6);
        document.add(image);
        Paragraph legend = paragraph(fonts.text(caption, 9, Font.NORMAL, Color.DARK_GRAY), 14);
        legend.setAlignment(Element.ALIGN_CENTER);
        legend.setSpacingAfter(10);
        document.add(legend);
    }

    private static PdfPTable table(List<String[]> rows, Fonts fonts) {
        PdfPTable table = new PdfPTable(rows.get(0).length);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(4);
        table.setSpacingAfter(10);
        for (int r = 0; r < rows.size(); r++) {
            for (String text : rows.get(r)) {
                PdfPCell cell = new PdfPCell(fonts.text(text.trim(), 9, r == 0 ? Font.BOLD : Font.NORMAL, null));
                cell.setPadding(4);
                cell.setBorderColor(Color.GRAY);
                if (r == 0) {
                    cell.setBackgroundColor(new Color(0xEEEEEE));
                }
                table.addCell(cell);
            }
        }
        return table;
    }

    private static Paragraph paragraph(Phrase text, float leading) {
        Paragraph paragraph = new Paragraph(leading);
        paragraph.add(text);
        return paragraph;
    }

    /** The bundled font for every character, Latin and Chinese alike (it has both). */
    private static final class Fonts {

        final BaseFont embedded = CjkFont.pdf();

        Phrase text(String text, float size, int style, Color colour) {
            return new Phrase(text, new Font(embedded, size, style, colour == null ? Color.BLACK : colour));
        }
    }
}
