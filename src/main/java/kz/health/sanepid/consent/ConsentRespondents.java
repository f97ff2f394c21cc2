package kz.health.sanepid.consent;

import java.time.LocalDate;

import kz.health.sanepid.idnumber.IdentificationNumbers;
import kz.health.sanepid.registry.person.PersonRegistry;
import kz.health.sanepid.registry.person.PersonRegistry.PersonRecord;
import org.springframework.stereotype.Component;

/**
 * Law 94-V art. 7-8: consent is given by the subject or the subject's legal representative. A minor (under 18 by
 * the birth date in the person registry, never by the IIN) or a person declared incapable is represented by the
 * representative the registry names. A subject the registry does not know, or a represented subject without a
 * representative on record, cannot be asked: that is a data problem for an operator, so it fails (retries, then
 * an incident) rather than guessing.
 */
@Component
public class ConsentRespondents {

    private final PersonRegistry persons;

    public ConsentRespondents(PersonRegistry persons) {
        this.persons = persons;
    }

    public record Respondent(String iin, RespondentGround ground) {
    }

    public Respondent respondentFor(String subjectIin, LocalDate today) {
        PersonRecord subject = persons.find(subjectIin).orElseThrow(() -> new IllegalStateException(
                "subject " + IdentificationNumbers.mask(subjectIin) + " is not in the person registry"));
        RespondentGround ground = subject.isMinorOn(today) ? RespondentGround.REPRESENTATIVE_OF_MINOR
                : subject.declaredIncapable() ? RespondentGround.REPRESENTATIVE_OF_INCAPABLE
                : RespondentGround.SUBJECT;
        if (ground == RespondentGround.SUBJECT) {
            return new Respondent(subject.iin(), ground);
        }
        if (subject.representativeIin() == null) {
            throw new IllegalStateException("subject " + IdentificationNumbers.mask(subjectIin) + " must be represented ("
                    + ground + ") but the person registry names no legal representative");
        }
        return new Respondent(subject.representativeIin(), ground);
    }
}
