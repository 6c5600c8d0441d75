package io.banli.reporting.opendata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A published reply shows no ID or phone number a unit wrote into it, and keeps every other number. */
class PersonalDataTest {

    @Test
    void idAndPhoneNumbersAreMasked() {
        assertThat(PersonalData.masked("身份证号11010119900307123X，手机138 1234 5678，座机0571-87654321。"))
                .isEqualTo("身份证号110101********123X，手机138****5678，座机0571-****4321。");
        assertThat(PersonalData.masked("旧证号110101900307123，电话+86-13912345678。"))
                .isEqualTo("旧证号110101******123，电话+86-139****5678。");
    }

    @Test
    void amountsDatesAndCountsStay() {
        String text = "2025年投入资金12000000元，新增学位3500个，文号京教发〔2025〕12号，于2025-04-01完成。";
        assertThat(PersonalData.masked(text)).isEqualTo(text);
        assertThat(PersonalData.masked(null)).isNull();
    }
}
