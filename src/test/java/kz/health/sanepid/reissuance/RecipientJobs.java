package kz.health.sanepid.reissuance;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/** Runs a recipient's asynchronous continuations, and those of the consent process it calls, as the executor would. */
public final class RecipientJobs {

    private RecipientJobs() {
    }

    /** Executes continuations (not timers) one by one until none is left or {@code done} holds. */
    public static void runUntil(RuntimeService runtimeService, ManagementService managementService, ProcessInstance pi,
            BooleanSupplier done) {
        for (int i = 0; i < 50; i++) {
            if (done.getAsBoolean()) {
                return;
            }
            List<String> instances = new ArrayList<>(List.of(pi.getId()));
            runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId()).list()
                    .forEach(sub -> instances.add(sub.getId()));
            List<Job> jobs = instances.stream().flatMap(id -> managementService.createJobQuery().processInstanceId(id)
                    .messages().list().stream()).toList();
            if (jobs.isEmpty()) {
                return;
            }
            managementService.executeJob(jobs.get(0).getId());
        }
        throw new AssertionError("the instance keeps creating jobs");
    }
}
