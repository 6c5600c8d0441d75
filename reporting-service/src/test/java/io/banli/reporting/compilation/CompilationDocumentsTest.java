package io.banli.reporting.compilation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import io.banli.reporting.opendata.OpenReply;
import io.banli.reporting.opendata.OpenSubmission;

/**
 * The two documents of a compilation, read back: the PDF's Chinese text extracted from its pages, every
 * font embedded, the PDF/A identification and output intent present; the Word document a zip whose body
 * holds every item, people's text escaped.
 */
class CompilationDocumentsTest {

    static final OpenSubmission FIRST = new OpenSubmission("市六届人大三次会议", 2025, 3, "SUGGESTION",
            "关于增加中小学课后服务供给的建议", "社会民生", "王建华", "东城区代表团", LocalDate.of(2025, 1, 20),
            "市教育局、市财政局", LocalDate.of(2025, 4, 1), "A", List.of(new OpenReply("市教育局", LocalDate.of(2025, 4, 1),
                    "王建华代表：您提出的建议收悉。\n经研究，今年新增课后服务点12个。")), null);
    static final OpenSubmission SECOND = new OpenSubmission("市六届人大三次会议", 2025, 17, "SUGGESTION",
            "关于<规范>“夜市”&摊点\u0007管理的建议", null, "李明", null, LocalDate.of(2025, 1, 20), "市城管局", null, null,
            List.of(), null);
    static final CompiledSession SESSION = new CompiledSession(5, "市六届人大三次会议", 2025, List.of(FIRST, SECOND));

    @Test
    void thePdfIsSearchableChineseInEmbeddedFontsAndSaysItIsPdfA() throws IOException {
        PdfReader pdf = new PdfReader(CompilationPdf.document(SESSION));
        StringBuilder text = new StringBuilder();
        PdfTextExtractor extractor = new PdfTextExtractor(pdf);
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        String all = text.toString().replaceAll("\\s", "");
        assertThat(all).contains("市六届人大三次会议建议、批评和意见答复汇编", "目录", "第3号", "关于增加中小学课后服务供给的建议",
                "王建华（东城区代表团）", "承办单位：市教育局、市财政局", "市教育局的答复（2025-04-01）",
                "王建华代表：您提出的建议收悉。", "经研究，今年新增课后服务点12个。", "第17号", "关于<规范>“夜市”&摊点",
                "（答复未公开或尚未答复）");
        assertThat(pdf.getNumberOfPages()).as("the contents, then a page for each item").isEqualTo(3);

        List<PdfDictionary> fonts = fonts(pdf);
        assertThat(fonts).isNotEmpty().allSatisfy(font -> {
            PdfDictionary descendant = (PdfDictionary) PdfReader.getPdfObject(
                    font.getAsArray(PdfName.DESCENDANTFONTS).getPdfObject(0));
            PdfDictionary descriptor = (PdfDictionary) PdfReader.getPdfObject(descendant.get(PdfName.FONTDESCRIPTOR));
            assertThat(descriptor.get(PdfName.FONTFILE2)).as("the glyphs are embedded").isNotNull();
            assertThat(font.get(PdfName.TOUNICODE)).as("the text maps back to Unicode").isNotNull();
            assertThat(font.get(PdfName.ENCODING)).isEqualTo(new PdfName("Identity-H"));
        });

        String xmp = new String(pdf.getMetadata(), StandardCharsets.UTF_8);
        assertThat(xmp).contains("pdfaid:part", "市六届人大三次会议建议、批评和意见答复汇编")
                .containsPattern("pdfaid:part(>|=\")2").containsPattern("pdfaid:conformance(>|=\")B");
        PdfDictionary catalog = pdf.getCatalog();
        PdfArray intents = catalog.getAsArray(PdfName.OUTPUTINTENTS);
        PdfDictionary intent = (PdfDictionary) PdfReader.getPdfObject(intents.getPdfObject(0));
        assertThat(intent.get(PdfName.S)).isEqualTo(new PdfName("GTS_PDFA1"));
        assertThat(intent.get(PdfName.DESTOUTPUTPROFILE)).isNotNull();
        assertThat(catalog.get(PdfName.LANG).toString()).isEqualTo("zh-CN");
        assertThat(pdf.getInfo().get("Title")).isEqualTo(SESSION.title());
        assertThat(pdf.getTrailer().get(PdfName.ID)).as("PDF/A asks for a file identifier").isNotNull();
        assertThat(catalog.get(PdfName.OUTLINES)).as("a bookmark per item").isNotNull();
    }

    @Test
    void theWordDocumentHoldsEveryItemEscaped() throws Exception {
        String body = null;
        List<String> parts = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(CompilationDocx.document(SESSION)))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                parts.add(e.getName());
                if (e.getName().equals("word/document.xml")) {
                    body = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(parts).contains("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml");
        assertThat(body).contains("市六届人大三次会议建议、批评和意见答复汇编", "第3号　关于增加中小学课后服务供给的建议",
                "承办单位：市教育局、市财政局", "经研究，今年新增课后服务点12个。", "<w:pStyle w:val=\"Heading1\"/>",
                "第17号　关于&lt;规范&gt;“夜市”&amp;摊点管理的建议", "TOC \\o")
                .doesNotContain("\u0007");
        assertThat(body.indexOf("第3号")).isLessThan(body.indexOf("第17号"));
        // well-formed: an XML parser reads it
        javax.xml.parsers.DocumentBuilderFactory xml = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        xml.setNamespaceAware(true);
        assertThat(xml.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(body)))
                .getDocumentElement().getLocalName()).isEqualTo("document");
    }

    /** Every font dictionary the pages use. */
    private static List<PdfDictionary> fonts(PdfReader pdf) {
        List<PdfDictionary> fonts = new ArrayList<>();
        for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
            PdfDictionary resources = pdf.getPageN(page).getAsDict(PdfName.RESOURCES);
            PdfDictionary f = resources.getAsDict(PdfName.FONT);
            if (f == null) {
                continue;
            }
            for (PdfName name : f.getKeys()) {
                PdfObject font = PdfReader.getPdfObject(f.get(name));
                fonts.add((PdfDictionary) font);
            }
        }
        return fonts;
    }
}
