package kz.health.sanepid.ops;

import static org.assertj.core.api.Assertions.assertThat;

import kz.health.sanepid.sms.SmsSegments;
import kz.health.sanepid.sms.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;

class SmsSegmentsTest {

    @Test
    void gsm7UpTo160SeptetsIsOnePartThen153APart() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments(Encoding.GSM7, 1));
        assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(new SmsSegments(Encoding.GSM7, 2));
        assertThat(SmsSegments.of("a".repeat(306))).isEqualTo(new SmsSegments(Encoding.GSM7, 2));
        assertThat(SmsSegments.of("a".repeat(307))).isEqualTo(new SmsSegments(Encoding.GSM7, 3));
        // the extension table's characters take two septets
        assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(new SmsSegments(Encoding.GSM7, 1));
        assertThat(SmsSegments.of("€".repeat(80) + "a")).isEqualTo(new SmsSegments(Encoding.GSM7, 2));
    }

    @Test
    void cyrillicIsUcs2Of70ThenAPartOf67() {
        assertThat(SmsSegments.of("ә".repeat(70))).isEqualTo(new SmsSegments(Encoding.UCS2, 1));
        assertThat(SmsSegments.of("Ж".repeat(71))).isEqualTo(new SmsSegments(Encoding.UCS2, 2));
        assertThat(SmsSegments.of("a".repeat(134) + "я")).isEqualTo(new SmsSegments(Encoding.UCS2, 3));
    }
}
