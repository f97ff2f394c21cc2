package kz.health.sanepid.professionalregister;

import static kz.health.sanepid.professionalregister.ProfessionalRegisterProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;

import kz.health.sanepid.registry.license.LicenseRegistry;
import kz.health.sanepid.reissuance.SduLedger;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * After an SDU re-issue (004 App.2 item 12): an individual's specialist certificate (service 1, 004 App.1) formed
 * under the new name is a change of a health worker's data, which the employer's HR specialist enters into the
 * professional register (order No. 66 item 9). Records the request and starts {@code professional-register-update}
 * by its start message, once per certificate; the recipient's process goes on to its end without waiting (the new
 * instance's first step is a job of its own). Other permits and organisations' permits start nothing.
 */
@Service
public class RegisterHandOff {

    /** Service 1 of 004 App.1: the specialist certificate in sanitary-epidemiological welfare. */
    static final int SPECIALIST_CERTIFICATE = 1;

    private final SduLedger ledger;
    private final LicenseRegistry licenses;
    private final RegisterUpdates updates;
    private final RegisterSettings settings;
    private final RuntimeService runtimeService;
    private final Clock clock;

    public RegisterHandOff(SduLedger ledger, LicenseRegistry licenses, RegisterUpdates updates,
                           RegisterSettings settings, RuntimeService runtimeService, Clock clock) {
        this.ledger = ledger;
        this.licenses = licenses;
        this.updates = updates;
        this.settings = settings;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** Answers the started instance's id, or empty when nothing is to be entered (or it was started before). */
    public Optional<String> afterReissue(String recipientBusinessKey) {
        SduLedger.Recipient r = ledger.recipient(recipientBusinessKey)
                .orElseThrow(() -> new IllegalStateException("no SDU recipient " + recipientBusinessKey));
        if (!"PERSON".equals(r.holderKind()) || r.newPermitId() == null) {
            return Optional.empty();
        }
        LicenseRegistry.Permit certificate = licenses.activePermitsHeldBy(r.holderId()).stream()
                .filter(p -> p.permitId().equals(r.newPermitId())).findFirst()
                .orElseThrow(() -> new IllegalStateException("e-license has no active document " + r.newPermitId()));
        if (certificate.serviceCode() != SPECIALIST_CERTIFICATE) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (!updates.request(certificate.permitId(), r.permitId(), recipientBusinessKey, r.recipientIin(), now)) {
            return Optional.empty();
        }
        ProcessInstance instance = runtimeService.createMessageCorrelation(START_MESSAGE)
                .processInstanceBusinessKey(certificate.permitId())
                .setVariables(Variables.createVariables()
                        .putValue(CERTIFICATE_ID, certificate.permitId())
                        .putValue(REPLACES_PERMIT_ID, r.permitId())
                        .putValue(PERSON_IIN, r.recipientIin())
                        .putValue(NEW_FULL_NAME, r.newHolderName())
                        .putValue(REQUESTED_AT, Date.from(now))
                        .putValue(UPDATE_WORKING_DAYS, settings.updateWorkingDays()))
                .correlateStartMessage();
        updates.started(certificate.permitId(), instance.getId());
        return Optional.of(instance.getId());
    }
}
