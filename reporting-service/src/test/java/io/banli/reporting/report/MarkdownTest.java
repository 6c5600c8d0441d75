package io.banli.reporting.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** User text in the report's Markdown stays text, on one line, and reads back as typed. */
class MarkdownTest {

    private static final String ATTACK = "关于停车难的建议\n![x](https://tracker.example/x.png)\n<img src=x onerror=alert(1)>";

    @Test
    void userTextCannotStartALineOrBecomeMarkup() {
        String text = Markdown.text(ATTACK);
        assertThat(text).doesNotContain("\n").doesNotContain("![").doesNotContain("](").contains("\\<img");
        assertThat(Markdown.plain(text)).isEqualTo(ATTACK.replace('\n', ' '));
    }

    @Test
    void controlCharactersBecomeSpacesAndNullIsEmpty() {
        assertThat(Markdown.text("a\u0000b\u0007c\rd\u2028e\tf")).isEqualTo("a b c d e f");
        assertThat(Markdown.text(null)).isEmpty();
    }

    @Test
    void aBarInACellDoesNotSplitIt() {
        String row = "| 1 | " + Markdown.text("甲|乙") + " | " + Markdown.text("\\") + " |";
        assertThat(Markdown.cells(row)).isEqualTo(List.of("1", "甲|乙", "\\"));
    }

    @Test
    void onlyTheReportsOwnChartsAreImages() {
        assertThat(Pdf.isChart("![图1](data:image/png;base64,iVBORw0KGgo=)")).isTrue();
        assertThat(Pdf.isChart("![x](https://tracker.example/x.png)")).isFalse();
        assertThat(Pdf.isChart("![x](data:image/png;base64,AAAA\" onerror=\"x)")).isFalse();
    }

    @Test
    void theHtmlPageShowsMarkupAsText() {
        String html = Html.page("标题", "# " + Markdown.text(ATTACK) + "\n\n| a |\n|---|\n| "
                + Markdown.text(ATTACK) + " |\n");
        assertThat(html).doesNotContain("<img").doesNotContain("https://tracker.example/x.png\"")
                .contains("&lt;img src=x onerror=alert(1)&gt;");
    }
}
