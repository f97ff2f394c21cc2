package kz.health.sanepid.idnumber;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.stream.IntStream;

import kz.health.sanepid.logging.PersonalDataMasking;
import org.junit.jupiter.api.Test;

/**
 * The random keys are never masked as personal data: a TasklistBrowserTest run in CI drew the complaint number
 * CMP-540024611917 (all 12 hexadecimal digits decimal), the manager's Cockpit showed it as CMP-************ and the
 * manager's search for it timed out.
 */
class RandomKeysTest {

    static final int DRAWS = 20_000; // the draw of before: about 72 all-decimal complaint numbers among them

    @Test
    void complaintNumbersKeepTheirShapeAndAreNeverMasked() {
        List<String> keys = IntStream.range(0, DRAWS).mapToObj(i -> RandomKeys.hex("CMP-", 12)).toList();
        assertThat(keys).allMatch(k -> k.matches("CMP-[0-9A-F]{12}"));
        assertThat(keys).allMatch(k -> PersonalDataMasking.mask(k).equals(k), "left whole by the masking");
        assertThat(keys).as("decimal digits still drawn").anyMatch(k -> k.matches("CMP-.*[0-9].*"));
    }

    @Test
    void uuidsAreNeverMasked() {
        List<String> keys = IntStream.range(0, DRAWS).mapToObj(i -> RandomKeys.uuid()).toList();
        assertThat(keys).allMatch(k -> k.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"));
        assertThat(keys).allMatch(k -> PersonalDataMasking.mask(k).equals(k), "left whole by the masking");
    }

    @Test
    void aDrawTheMaskingWouldChangeIsDrawnAgain() {
        Iterator<String> draws = List.of("CMP-540024611917", "CMP-87011234567A", "CMP-9C7EB59EBD21").iterator();
        assertThat(RandomKeys.clearOf(draws::next)).isEqualTo("CMP-9C7EB59EBD21");
        assertThat(draws.hasNext()).isFalse();
    }
}
