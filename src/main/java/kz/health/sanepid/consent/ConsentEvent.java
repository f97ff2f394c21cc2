package kz.health.sanepid.consent;

import java.time.Instant;
import java.time.LocalDate;

/** One row of the consent journal. */
public record ConsentEvent(long id, String consentId, ConsentEventType type, String subjectIin,
                           String respondentIin, RespondentGround respondentGround, String legalGround,
                           String operatorBin, String requesterKind, String purpose, String categories,
                           boolean medicalSecrecy, String channel, String evidence, LocalDate validUntil,
                           Instant occurredAt, String recordedBy, String note) {
}
