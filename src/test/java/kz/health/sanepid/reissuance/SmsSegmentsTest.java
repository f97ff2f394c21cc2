package kz.health.sanepid.reissuance;

import static org.assertj.core.api.Assertions.assertThat;

import kz.health.sanepid.sms.SmsSegments;
import kz.health.sanepid.sms.SmsSegments.Encoding;
import org.junit.jupiter.api.Test;

/** Segment counts of GSM-7 and UCS-2 texts (3GPP TS 23.038/23.040), and of every text the pilot sends. */
class SmsSegmentsTest {

    @Test
    void gsm7AndUcs2AreCountedAtTheirLimits() {
        assertThat(SmsSegments.of("a".repeat(160))).isEqualTo(new SmsSegments.Count(Encoding.GSM_7, 160, 1));
        assertThat(SmsSegments.of("a".repeat(161))).isEqualTo(new SmsSegments.Count(Encoding.GSM_7, 161, 2));
        assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
        assertThat(SmsSegments.of("€".repeat(80))).isEqualTo(new SmsSegments.Count(Encoding.GSM_7, 160, 1));
        assertThat(SmsSegments.of("ә".repeat(70))).isEqualTo(new SmsSegments.Count(Encoding.UCS_2, 70, 1));
        assertThat(SmsSegments.of("ә".repeat(71))).isEqualTo(new SmsSegments.Count(Encoding.UCS_2, 71, 2));
        assertThat(SmsSegments.of("ә".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("ә".repeat(135)).segments()).isEqualTo(3);
        assertThat(SmsSegments.of("Send 1 or 2 ә").encoding()).isEqualTo(Encoding.UCS_2);
    }

    @Test
    void theOfferInBothLanguagesIsSixteenUcs2SegmentsAndTheAppendixTextStaysWordForWord() {
        assertThat(SmsCost.texts().get("OFFER_BOTH")).containsEntry("encoding", "UCS-2").containsEntry("segments", 16);
        assertThat(SmsCost.texts().get("OFFER_KK")).containsEntry("segments", 9);
        assertThat(SmsCost.texts().get("OFFER_RU")).containsEntry("segments", 8);
        assertThat(SmsCost.texts()).allSatisfy((name, t) -> assertThat(t).containsEntry("encoding", "UCS-2"));
        assertThat(OfferSms.offer(OfferSms.SmsLanguage.BOTH)).isEqualTo(OfferSms.OFFER)
                .startsWith(OfferSms.KAZAKH).endsWith(OfferSms.RUSSIAN);
        assertThat(OfferSms.SmsLanguage.of("kk")).isEqualTo(OfferSms.SmsLanguage.KK);
        assertThat(OfferSms.SmsLanguage.of("рус")).isEqualTo(OfferSms.SmsLanguage.RU);
        assertThat(OfferSms.SmsLanguage.of(null)).isEqualTo(OfferSms.SmsLanguage.BOTH);
    }
}
