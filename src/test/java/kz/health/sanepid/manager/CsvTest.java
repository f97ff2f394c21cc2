package kz.health.sanepid.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A managers' table as CSV: RFC 4180 quoting, formula-looking text defused, numbers as they are. */
class CsvTest {

    @Test
    void quotesWhatNeedsItAndDefusesFormulas() {
        Table t = new Table("t", List.of("key", "n", "text"), List.of(
                Arrays.asList("a,b", 3L, "say \"hi\""),
                Arrays.asList("+7700*****13", -2L, null),
                Arrays.asList("=SUM(A1)", 0, "line\nbreak")));
        assertThat(Csv.of(t)).isEqualTo("key,n,text\r\n"
                + "\"a,b\",3,\"say \"\"hi\"\"\"\r\n"
                + "'+7700*****13,-2,\r\n"
                + "'=SUM(A1),0,\"line\nbreak\"\r\n");
        assertThat(ManagerViewApiTest.parseCsv(Csv.of(t))).containsExactly(List.of("key", "n", "text"),
                List.of("a,b", "3", "say \"hi\""), List.of("'+7700*****13", "-2", ""),
                List.of("'=SUM(A1)", "0", "line\nbreak"));
    }

    @Test
    void aRowMustHaveACellPerColumn() {
        assertThatThrownBy(() -> new Table("t", List.of("a", "b"), List.of(List.of(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
