package kz.health.sanepid.consent;

import java.time.Clock;
import java.util.Date;
import java.util.List;

import kz.health.sanepid.consentservice.ConsentService.Status;
import kz.health.sanepid.consentservice.EmbeddedConsentService;
import kz.health.sanepid.web.Refusal;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationResult;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An answer from the ДҚБ service: the request's process continues with {@code ConsentAnswered}. When the embedded
 * adapter stands in for the service, its request is marked answered too. All or nothing: an answer no process waits
 * for (unknown, already answered or expired) changes nothing.
 */
@Component
public class ConsentAnswers {

    private final RuntimeService runtimeService;
    private final ObjectProvider<EmbeddedConsentService> embedded;
    private final Clock clock;

    public ConsentAnswers(RuntimeService runtimeService, ObjectProvider<EmbeddedConsentService> embedded, Clock clock) {
        this.runtimeService = runtimeService;
        this.embedded = embedded;
        this.clock = clock;
    }

    @Transactional
    public void accept(String requestId, Status answer) {
        Date now = Date.from(clock.instant());
        EmbeddedConsentService service = embedded.getIfAvailable();
        if (service != null) {
            service.answer(requestId, answer, now.toInstant());
        }
        List<MessageCorrelationResult> results = runtimeService.createMessageCorrelation(ConsentProcess.MESSAGE_ANSWERED)
                .processInstanceVariableEquals(ConsentProcess.CONSENT_REQUEST_ID, requestId)
                .setVariable(ConsentProcess.CONSENT_ANSWER, answer.name())
                .setVariable(ConsentProcess.CONSENT_ANSWERED_AT, now)
                .correlateAllWithResult();
        if (results.isEmpty()) {
            throw Refusal.notFound("no consent request is waiting for this answer (unknown, already answered or expired)");
        }
    }
}
