package kz.health.sanepid.complaint;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RegisterComplaint: stores the complaint and its registration time (004 App.2 item 19). */
@Component("registerComplaintDelegate")
public class RegisterComplaintDelegate implements JavaDelegate {

    private final ComplaintRegistration registration;

    public RegisterComplaintDelegate(ComplaintRegistration registration) {
        this.registration = registration;
    }

    @Override
    public void execute(DelegateExecution execution) {
        registration.store(execution);
    }
}
