package io.banli.reporting.compilation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bundled font has what the documents and the charts print, whatever fonts the server has. */
class CjkFontTest {

    @Test
    void chartsCanDrawChineseLabels() {
        assertThat(CjkFont.awt(13).canDisplayUpTo("1 经济科技 社会民生 城建交通 A类 市住房和城乡建设委员会 100.00% 第12号（）、："))
                .as("index of the first character the font lacks").isEqualTo(-1);
    }

    @Test
    void everyGb2312CharacterIsThereAndEachPdfGetsItsOwnSubset() {
        java.nio.charset.CharsetEncoder gb2312 = java.nio.charset.Charset.forName("GB2312").newEncoder();
        com.lowagie.text.pdf.BaseFont font = CjkFont.pdf();
        StringBuilder missing = new StringBuilder();
        for (char c = '\u4e00'; c <= '\u9fa5'; c++) {
            if (gb2312.canEncode(c) && !font.charExists(c)) {
                missing.append(c);
            }
        }
        assertThat(missing).isEmpty();
        assertThat(CjkFont.pdf()).isNotSameAs(font);
    }
}
