package io.banli.reporting.compilation;

import java.awt.Color;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.lowagie.text.Chapter;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;

import io.banli.reporting.opendata.OpenReply;
import io.banli.reporting.opendata.OpenSubmission;

/**
 * The compilation as PDF/A-2b (ISO 19005-2, level B: the look is preserved and the text can be
 * searched and copied): every glyph from the bundled font embedded (subset, Identity-H with its
 * ToUnicode map), XMP metadata naming the conformance, an sRGB output intent from the JDK's own
 * profile, the title shown in the window and the language zh-CN. A contents list opens the document and
 * every item starts a page with a bookmark. People's text is only ever printed, never interpreted.
 *
 * <p>OpenPDF knows PDF/A-1 only: it checks part 1's rules while writing (no font left unembedded, no
 * transparency) and names part 1 in the XMP. Part 1 also wants a CIDSet for every subset CID font, which
 * OpenPDF does not write; part 2 makes it optional and asks nothing part 1's rules leave out here, so the
 * document claims part 2 (see decisions).
 */
final class CompilationPdf {

    private static final float MARGIN = 64;
    private static final Color GREY = new Color(0x555555);

    private CompilationPdf() {
    }

    static byte[] document(CompiledSession session) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        writer.setPDFXConformance(PdfWriter.PDFA1B);
        BaseFont font = CjkFont.pdf();
        writer.setPageEvent(new PageNumbers(font, MARGIN));
        writer.setViewerPreferences(PdfWriter.DisplayDocTitle | PdfWriter.PageModeUseOutlines);
        document.addTitle(session.title());
        document.addSubject(session.sessionName() + "：公开的建议、提案及其答复");
        document.addCreator("Banli reporting-service");
        document.open();
        writer.getExtraCatalog().put(PdfName.LANG, new PdfString("zh-CN"));
        outputIntent(writer);

        Paragraph title = new Paragraph(30, session.title(), new Font(font, 20, Font.BOLD));
        title.setAlignment(Element.ALIGN_CENTER);
        title.setSpacingAfter(18);
        document.add(title);
        document.add(new Paragraph(18, session.items().isEmpty() ? "本次会议没有可公开的建议、提案。"
                : "共收录公开的建议、提案" + session.items().size() + "件及其公开答复，按编号排列。",
                new Font(font, 11, Font.NORMAL, GREY)));
        Paragraph contents = new Paragraph(26, "目录", new Font(font, 14, Font.BOLD));
        contents.setSpacingBefore(12);
        document.add(contents);
        for (OpenSubmission item : session.items()) {
            document.add(new Paragraph(18, CompiledSession.heading(item), new Font(font, 10.5f)));
        }
        int n = 0;
        for (OpenSubmission item : session.items()) {
            document.add(chapter(item, ++n, font));
        }
        writer.createXmpMetadata();
        document.close();
        return partTwo(out.toByteArray());
    }

    private static final byte[] PART_ONE = "<pdfaid:part>1</pdfaid:part>".getBytes(StandardCharsets.US_ASCII);

    /**
     * Names part 2 in the XMP packet OpenPDF wrote for part 1. The packet is stored uncompressed and the
     * change keeps its length, so every offset of the file stays right.
     */
    static byte[] partTwo(byte[] pdf) {
        int at = -1;
        // The metadata is written last, near the end of the file.
        for (int i = pdf.length - PART_ONE.length; i >= 0 && at < 0; i--) {
            if (Arrays.equals(pdf, i, i + PART_ONE.length, PART_ONE, 0, PART_ONE.length)) {
                at = i;
            }
        }
        if (at < 0) {
            throw new IllegalStateException("OpenPDF wrote no PDF/A identification to change");
        }
        pdf[at + "<pdfaid:part>".length()] = '2';
        return pdf;
    }

    /** One item on its own page(s), bookmarked by its heading. */
    private static Chapter chapter(OpenSubmission item, int n, BaseFont font) {
        Paragraph heading = new Paragraph(24, CompiledSession.heading(item), new Font(font, 15, Font.BOLD));
        heading.setSpacingAfter(10);
        Chapter chapter = new Chapter(heading, n);
        chapter.setNumberDepth(0);
        chapter.setBookmarkTitle(CompiledSession.heading(item));
        Font small = new Font(font, 10.5f, Font.NORMAL, GREY);
        chapter.add(new Paragraph(18, ("PROPOSAL".equals(item.kind()) ? "提案" : "建议")
                + (item.field() == null ? "" : "　类别：" + item.field()), small));
        chapter.add(new Paragraph(18, "领衔人：" + nonNull(item.proposer())
                + (item.delegation() == null ? "" : "（" + item.delegation() + "）"), small));
        chapter.add(new Paragraph(18, "承办单位：" + (item.units() == null ? "—" : item.units()), small));
        if (item.replies().isEmpty()) {
            Paragraph none = new Paragraph(20, "（答复未公开或尚未答复）", new Font(font, 11, Font.NORMAL, GREY));
            none.setSpacingBefore(10);
            chapter.add(none);
        }
        for (OpenReply reply : item.replies()) {
            Paragraph from = new Paragraph(22, nonNull(reply.unit()) + "的答复"
                    + (reply.repliedOn() == null ? "" : "（" + reply.repliedOn() + "）"), new Font(font, 12, Font.BOLD));
            from.setSpacingBefore(12);
            from.setSpacingAfter(4);
            chapter.add(from);
            for (String line : nonNull(reply.text()).split("\\R")) {
                if (!line.isBlank()) {
                    Paragraph body = new Paragraph(20, printable(line), new Font(font, 11));
                    body.setFirstLineIndent(22);
                    body.setSpacingAfter(4);
                    chapter.add(body);
                }
            }
        }
        return chapter;
    }

    /**
     * PDF/A asks for an output intent (GTS_PDFA1) with an ICC profile: the JDK's sRGB profile, the colour
     * space every colour here is given in. OpenPDF writes the PDF/X subtype, so the subtype is set after.
     */
    private static void outputIntent(PdfWriter writer) {
        try {
            writer.setOutputIntents("sRGB IEC61966-2.1", "", "http://www.color.org", "sRGB IEC61966-2.1",
                    ICC_Profile.getInstance(ColorSpace.CS_sRGB));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PdfArray intents = writer.getExtraCatalog().getAsArray(PdfName.OUTPUTINTENTS);
        PdfDictionary intent = intents.getAsDict(0);
        intent.put(PdfName.S, new PdfName("GTS_PDFA1"));
    }

    /** Control characters (other than line breaks, split before) would print as missing glyphs. */
    private static String printable(String text) {
        return text.replaceAll("\\p{Cntrl}", " ");
    }

    private static String nonNull(String text) {
        return text == null ? "" : printable(text);
    }
}
