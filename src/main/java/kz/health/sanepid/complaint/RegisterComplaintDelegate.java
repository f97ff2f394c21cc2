package kz.health.sanepid.complaint;

import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterComplaint: stores the complaint and its registration time (004 App.2 item 19) through
 * {@link ComplaintRegistration#store}, from the start's variables (the API's or Tasklist's start form), and sets the
 * typed variables the diagram reads.
 */
@Component("registerComplaintDelegate")
public class RegisterComplaintDelegate implements JavaDelegate {

    private final ComplaintRegistration registration;

    public RegisterComplaintDelegate(ComplaintRegistration registration) {
        this.registration = registration;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String given = string(execution, ComplaintProcess.COMPLAINT_ID);
        ComplaintRegistration.Stored stored = registration.store(given, request(execution),
                execution.getVariable(ComplaintProcess.REGISTERED_AT) instanceof Date d ? d : null);
        if (given == null) {
            execution.setVariable(ComplaintProcess.COMPLAINT_ID, stored.complaintId());
        }
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(stored.complaintId());
        }
        ComplaintRequest request = stored.request();
        execution.setVariable(ComplaintProcess.REGISTERED_AT, Variables.dateValue(stored.registeredAt()));
        execution.setVariable(ComplaintProcess.FORWARDING_DEADLINE_MISSED, Variables.booleanValue(false));
        execution.setVariable(ComplaintProcess.PROVIDER_DEADLINE, Variables.stringValue(stored.providerDeadline()));
        execution.setVariable("serviceCode", request.serviceCode().trim());
        execution.setVariable(ComplaintProcess.ADDRESSEE, request.addressee());
        execution.setVariable("reviewingBody", request.reviewingBody());
        execution.setVariable(ComplaintProcess.RECEIVED_BY, stored.receivedBy().name());
        if (stored.direct()) {
            // received directly by the reviewing body: its 15 working days run from this registration
            execution.setVariable(ComplaintProcess.REVIEWING_BODY_COUNT_START, Variables.dateValue(stored.registeredAt()));
            execution.setVariable(ComplaintProcess.REVIEWING_BODY_DEADLINE,
                    Variables.stringValue(stored.reviewingBodyDeadline()));
        }
        execution.setVariable(ComplaintProcess.DECISION_DEADLINE, Variables.stringValue(stored.decisionDeadline()));
    }

    /** The complaint as the start gave it (attachments: one per line). */
    static ComplaintRequest request(DelegateExecution execution) {
        String attachments = string(execution, "attachments");
        return new ComplaintRequest(string(execution, "applicantId"), string(execution, "applicantName"),
                string(execution, "applicantPhone"), string(execution, "applicantEmail"),
                string(execution, "serviceCode"), string(execution, "providerBin"), string(execution, "appealedKind"),
                string(execution, "appealedText"), string(execution, "demands"),
                attachments == null || attachments.isBlank() ? List.of()
                        : Arrays.stream(attachments.split("\\R")).filter(s -> !s.isBlank()).toList(),
                string(execution, ComplaintProcess.ADDRESSEE), string(execution, "reviewingBody"), null,
                string(execution, ComplaintProcess.RECEIVED_BY));
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
