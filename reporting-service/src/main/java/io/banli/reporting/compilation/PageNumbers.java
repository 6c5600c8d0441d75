package io.banli.reporting.compilation;

import java.awt.Color;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * "- n -" centred at the foot of every page, in the embedded font (PDF/A allows no other), half the bottom margin
 * up: the annual report and the compilation number their pages alike.
 */
public final class PageNumbers extends PdfPageEventHelper {

    private final Font font;
    private final float margin;

    public PageNumbers(BaseFont embedded, float margin) {
        this.font = new Font(embedded, 9, Font.NORMAL, Color.GRAY);
        this.margin = margin;
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        ColumnText.showTextAligned(writer.getDirectContent(), Element.ALIGN_CENTER,
                new Phrase("- " + writer.getPageNumber() + " -", font), document.getPageSize().getWidth() / 2,
                margin / 2, 0);
    }
}
