package io.banli.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** A cell that a spreadsheet would run as a formula is written as text, in CSV and XLSX alike. */
class FormulasTest {

    @Test
    void aFormulaOrItsLeadingTabOrCarriageReturnGetsAnApostrophe() {
        assertThat(Formulas.inert("=HYPERLINK(\"https://x.example\")")).isEqualTo("'=HYPERLINK(\"https://x.example\")");
        assertThat(Formulas.inert("+1+1")).isEqualTo("'+1+1");
        assertThat(Formulas.inert("-2+3")).isEqualTo("'-2+3");
        assertThat(Formulas.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Formulas.inert("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(Formulas.inert("\r=1+1")).isEqualTo("'\r=1+1");
    }

    @Test
    void ordinaryTextIsLeftAsItIs() {
        assertThat(Formulas.inert("关于增加中小学课后服务供给的建议")).isEqualTo("关于增加中小学课后服务供给的建议");
        assertThat(Formulas.inert("a=b")).isEqualTo("a=b");
        assertThat(Formulas.inert("")).isEmpty();
    }

    @Test
    void csvQuotesTheGuardedCellAndLeavesNumbersAlone() {
        assertThat(CsvTable.cell("\r=cmd|' /C calc'!A0")).isEqualTo("\"'\r=cmd|' /C calc'!A0\"");
        assertThat(CsvTable.cell("\t@x")).isEqualTo("'\t@x");
        assertThat(CsvTable.cell(-5)).isEqualTo("-5");
        assertThat(CsvTable.cell(new BigDecimal("-1.50"))).isEqualTo("-1.50");
    }
}
