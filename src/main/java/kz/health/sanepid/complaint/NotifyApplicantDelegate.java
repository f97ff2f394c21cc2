package kz.health.sanepid.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_NotifyApplicant: the decision, and that a court appeal is open, by SMS or e-mail (004 App.2 item 19). */
@Component("notifyComplaintApplicantDelegate")
public class NotifyApplicantDelegate implements JavaDelegate {

    private final ComplaintReview review;

    public NotifyApplicantDelegate(ComplaintReview review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        review.notifyApplicant((String) execution.getVariable(ComplaintProcess.COMPLAINT_ID));
    }
}
