package io.banli.reporting.compilation;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.banli.reporting.opendata.OpenReply;
import io.banli.reporting.opendata.OpenSubmission;

/**
 * The compilation as a Word document (Office Open XML, ISO/IEC 29500), written by hand as the zip of its
 * few parts: no document library for five small XML files. Items are Heading 1 paragraphs, so Word's
 * navigation pane lists them and the contents field (updated when the document opens) collects them;
 * each item starts a page. People's text is XML-escaped, and characters XML cannot hold are dropped.
 */
final class CompilationDocx {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private CompilationDocx() {
    }

    static byte[] document(CompiledSession session) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            part(zip, "[Content_Types].xml", """
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/word/document.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
                    <Override PartName="/word/styles.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
                    <Override PartName="/word/settings.xml" \
                    ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>\
                    <Override PartName="/docProps/core.xml" \
                    ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>""");
            part(zip, "_rels/.rels", """
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Target="word/document.xml" \
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>\
                    <Relationship Id="rId2" Target="docProps/core.xml" \
                    Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"/>\
                    </Relationships>""");
            part(zip, "word/_rels/document.xml.rels", """
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Target="styles.xml" \
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"/>\
                    <Relationship Id="rId2" Target="settings.xml" \
                    Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"/>\
                    </Relationships>""");
            part(zip, "docProps/core.xml", """
                    <cp:coreProperties \
                    xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
                    xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>%s</dc:title>\
                    <dc:language>zh-CN</dc:language></cp:coreProperties>""".formatted(xml(session.title())));
            // Word fills the contents field from the headings when it opens the document.
            part(zip, "word/settings.xml", "<w:settings xmlns:w=\"" + W + "\"><w:updateFields w:val=\"true\"/>"
                    + "</w:settings>");
            part(zip, "word/styles.xml", STYLES);
            part(zip, "word/document.xml", body(session));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static String body(CompiledSession session) {
        StringBuilder b = new StringBuilder("<w:document xmlns:w=\"" + W + "\"><w:body>");
        paragraph(b, "Title", session.title());
        paragraph(b, null, session.items().isEmpty() ? "本次会议没有可公开的建议、提案。"
                : "共收录公开的建议、提案" + session.items().size() + "件及其公开答复，按编号排列。");
        paragraph(b, "TOCHeading", "目录");
        b.append("<w:p><w:r><w:fldChar w:fldCharType=\"begin\" w:dirty=\"true\"/></w:r>")
                .append("<w:r><w:instrText xml:space=\"preserve\"> TOC \\o \"1-1\" \\h </w:instrText></w:r>")
                .append("<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>");
        // Shown until Word updates the field: the same list, without page numbers.
        for (OpenSubmission item : session.items()) {
            b.append("<w:r><w:t xml:space=\"preserve\">").append(xml(CompiledSession.heading(item)))
                    .append("</w:t></w:r><w:r><w:br/></w:r>");
        }
        b.append("<w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p>");
        for (OpenSubmission item : session.items()) {
            b.append("<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:pageBreakBefore/></w:pPr>");
            run(b, CompiledSession.heading(item));
            b.append("</w:p>");
            paragraph(b, "Meta", ("PROPOSAL".equals(item.kind()) ? "提案" : "建议")
                    + (item.field() == null ? "" : "　类别：" + item.field()));
            paragraph(b, "Meta", "领衔人：" + nonNull(item.proposer())
                    + (item.delegation() == null ? "" : "（" + item.delegation() + "）"));
            paragraph(b, "Meta", "承办单位：" + (item.units() == null ? "—" : item.units()));
            if (item.replies().isEmpty()) {
                paragraph(b, "Meta", "（答复未公开或尚未答复）");
            }
            for (OpenReply reply : item.replies()) {
                paragraph(b, "Heading2", nonNull(reply.unit()) + "的答复"
                        + (reply.repliedOn() == null ? "" : "（" + reply.repliedOn() + "）"));
                for (String line : nonNull(reply.text()).split("\\R")) {
                    if (!line.isBlank()) {
                        paragraph(b, "Body", line);
                    }
                }
            }
        }
        return b.append("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" "
                + "w:bottom=\"1440\" w:left=\"1440\" w:header=\"720\" w:footer=\"720\" w:gutter=\"0\"/></w:sectPr>"
                + "</w:body></w:document>").toString();
    }

    private static void paragraph(StringBuilder b, String style, String text) {
        b.append("<w:p>");
        if (style != null) {
            b.append("<w:pPr><w:pStyle w:val=\"").append(style).append("\"/></w:pPr>");
        }
        run(b, text);
        b.append("</w:p>");
    }

    private static void run(StringBuilder b, String text) {
        b.append("<w:r><w:t xml:space=\"preserve\">").append(xml(text)).append("</w:t></w:r>");
    }

    /** Escaped for XML 1.0; characters it cannot hold (most control characters) are left out. */
    static String xml(String text) {
        StringBuilder b = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                default -> {
                    if (c == 0x9 || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000) {
                        b.appendCodePoint(c);
                    }
                }
            }
        });
        return b.toString();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private static void part(ZipOutputStream zip, String name, String xml) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>" + xml)
                .getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** SimSun (宋体) for Chinese as official documents use, with the usual heading sizes. */
    private static final String STYLES = "<w:styles xmlns:w=\"" + W + "\">"
            + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" "
            + "w:eastAsia=\"SimSun\"/><w:sz w:val=\"24\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr>"
            + "</w:rPrDefault></w:docDefaults>"
            + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Title\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:pPr><w:jc w:val=\"center\"/><w:spacing w:after=\"360\"/></w:pPr><w:rPr><w:rFonts w:eastAsia=\"SimHei\"/>"
            + "<w:b/><w:sz w:val=\"40\"/></w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"TOCHeading\"><w:name w:val=\"TOC Heading\"/>"
            + "<w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"240\" w:after=\"120\"/></w:pPr>"
            + "<w:rPr><w:b/><w:sz w:val=\"28\"/></w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
            + "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing w:after=\"200\"/>"
            + "<w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:rFonts w:eastAsia=\"SimHei\"/><w:b/><w:sz w:val=\"30\"/>"
            + "</w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"
            + "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/>"
            + "<w:spacing w:before=\"240\" w:after=\"80\"/><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr><w:b/>"
            + "<w:sz w:val=\"24\"/></w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Meta\"><w:name w:val=\"Item details\"/>"
            + "<w:basedOn w:val=\"Normal\"/><w:rPr><w:color w:val=\"555555\"/><w:sz w:val=\"21\"/></w:rPr></w:style>"
            + "<w:style w:type=\"paragraph\" w:styleId=\"Body\"><w:name w:val=\"Reply text\"/><w:basedOn w:val=\"Normal\"/>"
            + "<w:pPr><w:ind w:firstLineChars=\"200\"/><w:spacing w:line=\"360\" w:lineRule=\"auto\"/></w:pPr></w:style>"
            + "</w:styles>";
}
