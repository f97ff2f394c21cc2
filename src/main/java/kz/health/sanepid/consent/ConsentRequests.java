package kz.health.sanepid.consent;

import kz.health.sanepid.consentservice.ConsentService;
import kz.health.sanepid.consentservice.ConsentService.ConsentRequest;
import kz.health.sanepid.consentservice.ConsentService.Status;
import org.springframework.stereotype.Component;

/** Asks for consent through the ДҚБ service and records the request with its evidence (the service's id). */
@Component
public class ConsentRequests {

    private final ConsentService consentService;
    private final ConsentOutcomes outcomes;

    public ConsentRequests(ConsentService consentService, ConsentOutcomes outcomes) {
        this.consentService = consentService;
        this.outcomes = outcomes;
    }

    public record Sent(String requestId, Status status) {
    }

    /** The consent id is the request key: a retried job asks the person once. */
    public Sent send(ConsentFacts facts) {
        String requestId = consentService.request(new ConsentRequest(facts.consentId(), facts.subjectIin(),
                facts.respondentIin(), facts.operatorBin(), facts.purpose(),
                java.util.Set.copyOf(java.util.List.of(facts.categories().split(",")))));
        ConsentFacts withEvidence = new ConsentFacts(facts.consentId(), facts.subjectIin(), facts.respondentIin(),
                facts.respondentGround(), null, facts.operatorBin(), facts.requesterKind(), facts.purpose(),
                facts.categories(), facts.medicalSecrecy(), facts.channel(), requestId, facts.validUntil());
        outcomes.record(ConsentEventType.REQUESTED, withEvidence, ConsentOutcomes.SYSTEM, null);
        Status status = consentService.answerOf(requestId).map(ConsentService.ConsentAnswer::status)
                .orElse(Status.PENDING);
        return new Sent(requestId, status);
    }
}
