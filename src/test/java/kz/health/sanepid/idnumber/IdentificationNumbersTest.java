package kz.health.sanepid.idnumber;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentificationNumbersTest {

    @Test
    void acceptsAnIinWhoseCheckDigitComesFromTheFirstWeights() {
        // 9 0 0 1 0 1 3 0 0 0 1: 9*1+1*4+1*6+3*7+1*11 = 51, 51 mod 11 = 7
        assertThat(IdentificationNumbers.checkDigit("90010130001")).isEqualTo(7);
        assertThat(IdentificationNumbers.iinProblem("900101300017")).isNull();
    }

    @Test
    void refusesAWrongCheckDigit() {
        assertThat(IdentificationNumbers.iinProblem("900101300018")).isEqualTo("IIN check digit is wrong");
        assertThat(IdentificationNumbers.isValidIin("900101300010")).isFalse();
    }

    @Test
    void usesTheSecondWeightsWhenTheFirstSumGivesTen() {
        // 0 0 0 1 0 1 3 0 0 0 2: first weights 4+6+21+22 = 53 mod 11 = 9 -> choose digits giving 10
        String first11 = findFirst11WithFirstRemainderTen();
        int second = secondRemainder(first11);
        assertThat(second).isNotEqualTo(10);
        assertThat(IdentificationNumbers.checkDigit(first11)).isEqualTo(second);
        assertThat(IdentificationNumbers.isValidIin(first11 + second)).isTrue();
    }

    @Test
    void refusesANumberThatIsNeverIssued() {
        String first11 = findNeverIssued();
        assertThat(IdentificationNumbers.checkDigit(first11)).isEqualTo(-1);
        for (int d = 0; d <= 9; d++) {
            assertThat(IdentificationNumbers.iinProblem(first11 + d)).contains("never issued");
        }
    }

    @Test
    void refusesWrongShapes() {
        assertThat(IdentificationNumbers.iinProblem(null)).isEqualTo("IIN is required");
        assertThat(IdentificationNumbers.iinProblem("12345")).isEqualTo("IIN must be exactly 12 digits");
        assertThat(IdentificationNumbers.iinProblem("90010130001a")).isEqualTo("IIN must be exactly 12 digits");
        assertThat(IdentificationNumbers.iinProblem("901301300017")).contains("YYMMDD");
        assertThat(IdentificationNumbers.iinProblem("900101700017")).contains("century");
    }

    @Test
    void validatesBins() {
        String bin = IdentificationNumbers.withCheckDigit("15034000123");
        assertThat(bin).isNotNull();
        assertThat(IdentificationNumbers.binProblem(bin)).isNull();
        assertThat(IdentificationNumbers.binProblem("150370001230")).contains("entity type");
        String wrong = bin.substring(0, 11) + ((bin.charAt(11) - '0' + 1) % 10);
        assertThat(IdentificationNumbers.binProblem(wrong)).isEqualTo("BIN check digit is wrong");
        assertThat(IdentificationNumbers.isValidIinOrBin(bin)).isTrue();
    }

    @Test
    void masksAllButTheEdges() {
        assertThat(IdentificationNumbers.mask("900101300017")).isEqualTo("90********17");
    }

    /** As the SDU run's recipients, the managers' report and the SMS outbox show keys to roles that may not see IINs. */
    @Test
    void masksTheNumbersInAKeyAndLeavesTheRest() {
        assertThat(IdentificationNumbers.maskInKey("SDU-20260501-020000-1a2b:900101300017:SE1-000000042"))
                .isEqualTo("SDU-20260501-020000-1a2b:90********17:SE1-000000042");
        assertThat(IdentificationNumbers.maskInKey("SDU-20260501-020000-1a2b:900101300017:SE1-000000042#2"))
                .isEqualTo("SDU-20260501-020000-1a2b:90********17:SE1-000000042#2");
        assertThat(IdentificationNumbers.maskInKey("reply-help:150340001236#1")).isEqualTo("reply-help:15********36#1");
        assertThat(IdentificationNumbers.maskInKey("C-2026-0001:registered")).isEqualTo("C-2026-0001:registered");
        assertThat(IdentificationNumbers.maskInKey("x9001013000171:90010130001")).isEqualTo("x9001013000171:90010130001");
    }

    @Test
    void normalisesPhoneNumbers() {
        assertThat(PhoneNumbers.normalise("+7 (701) 123-45-67")).contains("+77011234567");
        assertThat(PhoneNumbers.normalise("87011234567")).contains("+77011234567");
        assertThat(PhoneNumbers.normalise("7011234567")).contains("+77011234567");
        assertThat(PhoneNumbers.normalise("+1 701 123 4567")).isEmpty();
        assertThat(PhoneNumbers.normalise("+7701123456")).isEmpty();
        assertThat(PhoneNumbers.normalise("1; DROP TABLE")).isEmpty();
        assertThat(PhoneNumbers.mask("+77011234567")).isEqualTo("+7******4567");
    }

    private static String findFirst11WithFirstRemainderTen() {
        for (int serial = 0; serial < 10_000; serial++) {
            String candidate = String.format("9001013%04d", serial);
            if (remainder(candidate, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}) == 10
                    && secondRemainder(candidate) != 10) {
                return candidate;
            }
        }
        throw new AssertionError("no such digits");
    }

    private static String findNeverIssued() {
        for (int serial = 0; serial < 10_000; serial++) {
            String candidate = String.format("9001013%04d", serial);
            if (remainder(candidate, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}) == 10
                    && secondRemainder(candidate) == 10) {
                return candidate;
            }
        }
        throw new AssertionError("no such digits");
    }

    private static int secondRemainder(String first11) {
        return remainder(first11, new int[] {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2});
    }

    private static int remainder(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11;
    }
}
