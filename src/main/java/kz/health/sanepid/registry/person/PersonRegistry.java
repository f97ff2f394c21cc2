package kz.health.sanepid.registry.person;

import java.time.LocalDate;
import java.time.Period;
import java.util.Optional;

/**
 * Port to the state database of individuals (ЖТ МДҚ АЖ / ГБД ФЛ): identity, capacity, residence, custody, and the
 * workplace (employer BIN, order No. 66 item 8 12)) that the professional register keeps. Same failure contract as
 * the other registry ports.
 */
public interface PersonRegistry {

    Optional<PersonRecord> find(String iin);

    record PersonRecord(String iin, String surname, String givenName, String patronymic, LocalDate birthDate,
                        boolean declaredMissing, boolean residesAbroad, boolean declaredIncapable,
                        boolean imprisoned, String representativeIin, String employerBin) {

        /** The employer's BIN (workplace, order No. 66 item 8 12)), if the registry knows one. */
        public Optional<String> employer() {
            return employerBin == null || employerBin.isBlank() ? Optional.empty() : Optional.of(employerBin);
        }

        public String fullName() {
            return patronymic == null || patronymic.isBlank()
                    ? surname + " " + givenName
                    : surname + " " + givenName + " " + patronymic;
        }

        /** Under 18 on the given day (age from the registry, never from the IIN). */
        public boolean isMinorOn(LocalDate day) {
            return Period.between(birthDate, day).getYears() < 18;
        }
    }
}
