package kz.health.sanepid.consent;

import java.time.LocalDate;

/**
 * What a consent is about and who answers for it: the part of every journal event that does not change from one
 * event of the same consent to the next (the respondent, ground and evidence are filled in as they become known).
 */
public record ConsentFacts(String consentId, String subjectIin, String respondentIin,
                           RespondentGround respondentGround, String legalGround, String operatorBin,
                           String requesterKind, String purpose, String categories, boolean medicalSecrecy,
                           String channel, String evidence, LocalDate validUntil) {

    public static ConsentFacts of(ConsentEvent e) {
        return new ConsentFacts(e.consentId(), e.subjectIin(), e.respondentIin(), e.respondentGround(),
                e.legalGround(), e.operatorBin(), e.requesterKind(), e.purpose(), e.categories(), e.medicalSecrecy(),
                e.channel(), e.evidence(), e.validUntil());
    }

    public ConsentFacts withChannel(String newChannel) {
        return new ConsentFacts(consentId, subjectIin, respondentIin, respondentGround, legalGround, operatorBin,
                requesterKind, purpose, categories, medicalSecrecy, newChannel, evidence, validUntil);
    }
}
