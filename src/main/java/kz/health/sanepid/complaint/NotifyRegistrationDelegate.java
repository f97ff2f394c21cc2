package kz.health.sanepid.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_NotifyRegistration: the complaint's number and the day its decision is due, to the applicant (item 19). */
@Component("notifyComplaintRegistrationDelegate")
public class NotifyRegistrationDelegate implements JavaDelegate {

    private final ComplaintReview review;

    public NotifyRegistrationDelegate(ComplaintReview review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        review.notifyRegistered((String) execution.getVariable(ComplaintProcess.COMPLAINT_ID),
                (String) execution.getVariable(ComplaintProcess.DECISION_DEADLINE));
    }
}
