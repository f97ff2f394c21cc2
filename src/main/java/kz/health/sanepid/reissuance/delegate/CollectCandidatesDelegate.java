package kz.health.sanepid.reissuance.delegate;

import java.time.Clock;

import kz.health.sanepid.reissuance.CollectCandidates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CollectCandidates: 004 App.2 items 3-5; writes {@code candidates}. */
@Component("sduCollectCandidates")
public class CollectCandidatesDelegate implements JavaDelegate {

    private final CollectCandidates useCase;
    private final Clock clock;

    public CollectCandidatesDelegate(CollectCandidates useCase, Clock clock) {
        this.useCase = useCase;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String from = (String) execution.getVariable("windowFrom");
        CollectCandidates.Collected collected = useCase.collect((String) execution.getVariable("runId"),
                kz.health.sanepid.reissuance.RunLifecycle.parseWindowFrom(from), clock.instant());
        execution.setVariable("candidates", collected.candidates());
    }
}
