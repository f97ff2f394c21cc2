package kz.health.sanepid.professionalregister;

import java.util.Optional;

import kz.health.sanepid.registry.person.PersonRegistry;
import org.springframework.stereotype.Service;

/** The steps of {@code professional-register-update} that are no person's task. */
@Service
public class RegisterSteps {

    private final RegisterUpdates updates;
    private final PersonRegistry persons;

    public RegisterSteps(RegisterUpdates updates, PersonRegistry persons) {
        this.updates = updates;
        this.persons = persons;
    }

    /**
     * Order No. 66 item 8 12): the workplace (employer BIN) the person registry holds for the certificate's holder;
     * recorded as the update's employer, or as NO_EMPLOYER when the registry knows none (no task follows).
     */
    public Optional<String> findEmployer(String certificateId) {
        RegisterUpdates.Update update = updates.find(certificateId)
                .orElseThrow(() -> new IllegalStateException("no professional-register update " + certificateId));
        Optional<String> employer = persons.find(update.personIin()).flatMap(PersonRegistry.PersonRecord::employer);
        if (employer.isPresent()) {
            updates.employerFound(certificateId, employer.get());
        } else {
            updates.noEmployer(certificateId);
        }
        return employer;
    }
}
