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

    @Test
    void oneMessageForThreeOffersCostsLessThanThreeAndEachLanguageAloneLessThanBoth() {
        // one message per number and attempt: the template once and the three permits, not the template three times
        assertThat(SmsCost.texts().get("OFFER_BOTH_3_OFFERS")).containsEntry("encoding", "UCS-2").containsEntry("segments", 20);
        assertThat(SmsCost.texts().get("OFFER_KK_3_OFFERS")).containsEntry("segments", 12);
        assertThat(SmsCost.texts().get("OFFER_RU_3_OFFERS")).containsEntry("segments", 10);
        assertThat((int) SmsCost.texts().get("OFFER_BOTH_3_OFFERS").get("segments"))
                .isLessThan(3 * (int) SmsCost.texts().get("OFFER_BOTH").get("segments"));
        assertThat(SmsCost.texts().get("CONSENT_FOLLOWS_KK")).containsEntry("segments", 4);
        assertThat(SmsCost.texts().get("CONSENT_FOLLOWS_BOTH")).containsEntry("segments", 7);
        // a list line alone (permit number, Latin name) is GSM-7; one Cyrillic letter makes the whole text UCS-2
        assertThat(SmsSegments.of("1) SE2-000000001 - Taza Saulyq LLP")).isEqualTo(new SmsSegments.Count(Encoding.GSM_7, 34, 1));
        assertThat(SmsSegments.of("1) SE2-000000001 - Таза Саулық ЖШС")).isEqualTo(new SmsSegments.Count(Encoding.UCS_2, 34, 1));
        assertThat(SmsSegments.of("[SE2] " + "a".repeat(150))).isEqualTo(new SmsSegments.Count(Encoding.GSM_7, 158, 1));
        assertThat(SmsSegments.of("[SE2]{" + "a".repeat(151))).isEqualTo(new SmsSegments.Count(Encoding.GSM_7, 160, 1));
        assertThat(SmsSegments.of("[SE2]{}" + "a".repeat(151)).segments()).isEqualTo(2);
    }
}
