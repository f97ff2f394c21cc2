package kz.health.sanepid.logging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataMaskingTest {

    @Test
    void masksIinsAndPhoneNumbersInEverySpelling() {
        assertThat(PersonalDataMasking.mask("recipient 900101300017 excluded"))
                .isEqualTo("recipient ************ excluded");
        assertThat(PersonalDataMasking.mask("sms to +77011234567, 87011234567 or +7 (701) 123-45-67"))
                .doesNotContain("1234567").doesNotContain("123-45-67");
        assertThat(PersonalDataMasking.mask("key run-1:900101300017:SE2-000000001"))
                .doesNotContain("900101300017").contains("SE2-000000001");
    }

    @Test
    void masksTheValuesOfTheEnginesSqlLinesWhole() {
        assertThat(PersonalDataMasking.mask("==> Parameters: 7f3a(String), applicantName(String), Алтынбек Айбар"
                + " Ерланұлы(String), null")).isEqualTo("==> Parameters: ***");
        assertThat(PersonalDataMasking.mask("<==        Row: 7f3a, applicantName, Дариға Сәуле\nsecond line"))
                .isEqualTo("<==        Row: ***");
        assertThat(PersonalDataMasking.mask("==>  Preparing: insert into ACT_RU_VARIABLE (ID_, NAME_) values (?, ?)"))
                .isEqualTo("==>  Preparing: insert into ACT_RU_VARIABLE (ID_, NAME_) values (?, ?)");
    }

    @Test
    void leavesOtherNumbersAlone() {
        assertThat(PersonalDataMasking.mask("started 500 instances in 1234 ms, id 1234567890123"))
                .isEqualTo("started 500 instances in 1234 ms, id 1234567890123");
        assertThat(PersonalDataMasking.mask(null)).isNull();
    }
}
