package kz.health.sanepid.disclosure;

import static kz.health.sanepid.disclosure.DisclosureProcess.*;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Checks and registers the request (Health Code art. 95; 004 App.2 item 18): an invalid request throws, so the
 * start is refused and nothing is written. Sets the review deadline in working days from configuration.
 */
@Component("registerDisclosureRequest")
public class RegisterDisclosureRequestDelegate implements JavaDelegate {

    private final DisclosureSteps steps;

    public RegisterDisclosureRequestDelegate(DisclosureSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DisclosureRequestInput request = DisclosureRequestInput.of(execution.getVariable(REQUESTER_KIND),
                execution.getVariable(REQUESTER_NAME), execution.getVariable(REQUESTER_ID_NUMBER),
                execution.getVariable(REQUESTER_CAPACITY), execution.getVariable(PATIENT_IIN),
                requestedCategories(execution), execution.getVariable(PURPOSE_KIND), execution.getVariable(PURPOSE),
                execution.getVariable(DOCUMENT_KIND), execution.getVariable(DOCUMENT_REF));
        DisclosureSteps.Registered registered = steps.register(execution.getProcessBusinessKey(),
                execution.getProcessInstanceId(), request);
        if (execution.getProcessBusinessKey() == null) {
            execution.setProcessBusinessKey(registered.id());
        }
        execution.setVariables(Variables.createVariables()
                .putValue(DISCLOSURE_ID, registered.id())
                .putValueTyped(RECEIVED_AT, Variables.dateValue(registered.receivedAt()))
                .putValue(REQUESTER_KIND, request.requesterKind().name())
                .putValue(REQUESTER_NAME, request.requesterName())
                .putValue(REQUESTER_ID_NUMBER, request.requesterIdNumber())
                .putValue(REQUESTER_CAPACITY, request.requesterCapacity())
                .putValue(REQUESTED_CATEGORIES, request.categoriesText())
                .putValue(PURPOSE_KIND, request.purposeKind().name())
                .putValue(PURPOSE, request.purpose())
                .putValue(DOCUMENT_KIND, request.documentKind().name())
                .putValue(DOCUMENT_REF, request.documentRef())
                .putValueTyped(REVIEW_WORKING_DAYS, Variables.integerValue(registered.reviewWorkingDays()))
                .putValue(CONSENT_OPERATOR_BIN, registered.consentOperatorBin())
                .putValue(CONSENT_CHANNEL, registered.consentChannel()));
    }

    /** The API passes the categories as text; the start form as one check box per category. */
    private static Object requestedCategories(DelegateExecution execution) {
        Object given = execution.getVariable(REQUESTED_CATEGORIES);
        if (given != null) {
            return given;
        }
        List<String> checked = new ArrayList<>();
        for (String[] box : CATEGORY_CHECKBOXES) {
            if (Boolean.TRUE.equals(execution.getVariable(box[0]))) {
                checked.add(box[1]);
            }
        }
        return String.join(",", checked);
    }
}
