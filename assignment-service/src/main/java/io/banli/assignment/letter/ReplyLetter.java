package io.banli.assignment.letter;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The sent reply as the official letter in the unified format (统一格式): unit, reply number, the result
 * class at the top right of the first page, title, salutation, body, commitments, signature block with
 * the seal's place and date, copy-to list, fingerprint; then the evaluation form (征询意见表) that goes
 * with it. Chinese text uses the standard Song font every PDF reader supplies (STSong-Light), so no font
 * file ships with the service. Every text is set as literal characters (a PDF interprets no markup in
 * them); control characters that people's text may carry are printed as spaces, so no text makes a
 * letter fail.
 */
public final class ReplyLetter {

    /** What the letter prints; all of it is already in the handling file. */
    public record Content(String unitName, String replyNumber, String resultClass, String kindName,
            int submissionNumber, String submissionTitle, String addressee, String text, List<String> commitments,
            LocalDate sentOn, List<String> copyTo, boolean confidential, String fingerprint) {
    }

    private ReplyLetter() {
    }

    public static byte[] render(Content raw) {
        Content c = printable(raw);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 80, 72, 90, 72);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(c.replyNumber());
        document.addAuthor(c.unitName());
        document.open();
        BaseFont song = song();
        BaseFont latin = latin();
        classLetter(writer.getDirectContent(), latin, c.resultClass());

        document.add(centered(c.unitName(), new Font(song, 22, Font.BOLD), 6));
        document.add(centered(c.replyNumber(), new Font(song, 14), 18));
        document.add(centered("关于对第" + c.submissionNumber() + "号" + c.kindName() + "的答复", new Font(song, 18),
                6));
        document.add(centered("（" + c.submissionTitle() + "）", new Font(song, 14), 18));
        Font body = new Font(song, 14);
        document.add(new Paragraph(c.addressee() + "：", body));
        for (String line : c.text().split("\\R")) {
            if (!line.isBlank()) {
                Paragraph paragraph = new Paragraph(24, line.strip(), body);
                paragraph.setFirstLineIndent(28);
                document.add(paragraph);
            }
        }
        if (!c.commitments().isEmpty()) {
            document.add(new Paragraph(24, "承诺事项：", body));
            for (int i = 0; i < c.commitments().size(); i++) {
                document.add(new Paragraph(24, (i + 1) + ". " + c.commitments().get(i), body));
            }
        }
        document.add(new Paragraph(36, " ", body));
        document.add(right(c.unitName(), body));
        document.add(right("（印章）", body));
        document.add(right(c.sentOn().getYear() + "年" + c.sentOn().getMonthValue() + "月" + c.sentOn().getDayOfMonth()
                + "日", body));
        Font small = new Font(song, 10);
        document.add(new Paragraph(30, "公开属性：" + (c.confidential() ? "不予公开" : "主动公开"), small));
        document.add(new Paragraph(16, "抄送：" + String.join("，", c.copyTo()), small));
        document.add(new Paragraph(16, "SHA-256 " + c.fingerprint(), new Font(latin, 8)));

        document.newPage();
        evaluationForm(document, song, c);
        document.close();
        return out.toByteArray();
    }

    /** The content with every control character but line breaks (in the body) turned into a space. */
    static Content printable(Content c) {
        return new Content(line(c.unitName()), line(c.replyNumber()), line(c.resultClass()), line(c.kindName()),
                c.submissionNumber(), line(c.submissionTitle()), line(c.addressee()),
                c.text() == null ? "" : c.text().lines().map(ReplyLetter::line).collect(
                        java.util.stream.Collectors.joining("\n")),
                c.commitments().stream().map(ReplyLetter::line).toList(), c.sentOn(),
                c.copyTo().stream().map(ReplyLetter::line).toList(), c.confidential(), line(c.fingerprint()));
    }

    private static String line(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.appendCodePoint(Character.isISOControl(cp) || cp == 0x2028
                || cp == 0x2029 ? ' ' : cp));
        return out.toString();
    }

    private static void classLetter(PdfContentByte canvas, BaseFont latin, String resultClass) {
        float x = PageSize.A4.getWidth() - 72;
        float y = PageSize.A4.getHeight() - 64;
        canvas.rectangle(x - 30, y - 8, 34, 34);
        canvas.stroke();
        canvas.beginText();
        canvas.setFontAndSize(latin, 24);
        canvas.showTextAligned(Element.ALIGN_CENTER, resultClass, x - 13, y, 0);
        canvas.endText();
    }

    private static void evaluationForm(Document document, BaseFont song, Content c) {
        Font heading = new Font(song, 18, Font.BOLD);
        Font cell = new Font(song, 12);
        document.add(centered(c.kindName() + "办理情况征询意见表", heading, 18));
        PdfPTable table = new PdfPTable(new float[] {1.2f, 3f});
        table.setWidthPercentage(100);
        String choices = "□满意　□基本满意　□不满意";
        row(table, "编号", "第" + c.submissionNumber() + "号", cell);
        row(table, "标题", c.submissionTitle(), cell);
        row(table, "承办单位", c.unitName() + "（" + c.replyNumber() + "）", cell);
        row(table, "沟通联系", choices, cell);
        row(table, "办理态度", choices, cell);
        row(table, "办理结果", choices, cell);
        PdfPCell label = new PdfPCell(new Paragraph("意见和建议", cell));
        PdfPCell blank = new PdfPCell(new Paragraph(" ", cell));
        blank.setFixedHeight(160);
        table.addCell(label);
        table.addCell(blank);
        row(table, "签名", "　　　　　　　　　　年　　月　　日", cell);
        document.add(table);
        document.add(new Paragraph(24, "请于收到答复后一个月内反馈；也可通过代表履职平台在线评价。", new Font(song, 10)));
    }

    private static void row(PdfPTable table, String label, String value, Font font) {
        PdfPCell left = new PdfPCell(new Paragraph(label, font));
        left.setPadding(8);
        PdfPCell right = new PdfPCell(new Paragraph(value, font));
        right.setPadding(8);
        table.addCell(left);
        table.addCell(right);
    }

    private static Paragraph centered(String text, Font font, float after) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingAfter(after);
        return paragraph;
    }

    private static Paragraph right(String text, Font font) {
        Paragraph paragraph = new Paragraph(24, text, font);
        paragraph.setAlignment(Element.ALIGN_RIGHT);
        return paragraph;
    }

    private static BaseFont song() {
        try {
            return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException("The CJK font metrics ship with the PDF library", e);
        }
    }

    private static BaseFont latin() {
        try {
            return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (Exception e) {
            throw new IllegalStateException("Helvetica is one of the PDF standard fonts", e);
        }
    }

    static LocalDate dateOf(java.time.Instant instant, ZoneId zone) {
        return LocalDate.ofInstant(instant, zone);
    }
}
