package kz.health.sanepid.complaint;

import java.util.Date;

import kz.health.sanepid.calendar.WorkingDayCalendar;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/** Task_ForwardCase: the complaint and the administrative case go to the reviewing body (APPK art. 91(4)). */
@Component("forwardComplaintDelegate")
public class ForwardComplaintDelegate implements JavaDelegate {

    private final ComplaintReview review;

    public ForwardComplaintDelegate(ComplaintReview review) {
        this.review = review;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ComplaintReview.Forwarded forwarded = review.forward((String) execution.getVariable(ComplaintProcess.COMPLAINT_ID),
                (Date) execution.getVariable(ComplaintProcess.REGISTERED_AT),
                (String) execution.getVariable(ComplaintProcess.CASE_DOCUMENTS));
        execution.setVariable(ComplaintProcess.REVIEWING_BODY_COUNT_START, Variables.dateValue(forwarded.countStart()));
        execution.setVariable(ComplaintProcess.REVIEWING_BODY_DEADLINE, Variables.stringValue(
                forwarded.dueAt().toInstant().atZone(WorkingDayCalendar.ZONE).toLocalDate().toString()));
    }
}
