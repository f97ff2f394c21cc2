package kz.health.sanepid.professionalregister;

import static kz.health.sanepid.professionalregister.ProfessionalRegisterProcess.EMPLOYER_BIN;
import static kz.health.sanepid.professionalregister.ProfessionalRegisterProcess.EMPLOYER_KNOWN;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The thin delegates of the professional-register update: each reads the business key and calls one use case. */
final class Delegates {

    private Delegates() {
    }

    /** End_Reissued of sdu-reissuance-recipient (message end event): hands a re-issued certificate over. */
    @Component("professionalRegisterHandOff")
    static class HandOff implements JavaDelegate {
        private final RegisterHandOff useCase;

        HandOff(RegisterHandOff useCase) {
            this.useCase = useCase;
        }

        @Override
        public void execute(DelegateExecution execution) {
            useCase.afterReissue(execution.getProcessBusinessKey());
        }
    }

    /** Task_FindEmployer: writes {@code employerKnown} and {@code employerBin}. */
    @Component("professionalRegisterFindEmployer")
    static class FindEmployer implements JavaDelegate {
        private final RegisterSteps useCase;

        FindEmployer(RegisterSteps useCase) {
            this.useCase = useCase;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Optional<String> employer = useCase.findEmployer(execution.getProcessBusinessKey());
            execution.setVariable(EMPLOYER_KNOWN, employer.isPresent());
            execution.setVariable(EMPLOYER_BIN, employer.orElse(null));
        }
    }

    /** Task_RemindUpdate. */
    @Component("professionalRegisterRemind")
    static class Remind implements JavaDelegate {
        private final RegisterDeadlines deadlines;

        Remind(RegisterDeadlines deadlines) {
            this.deadlines = deadlines;
        }

        @Override
        public void execute(DelegateExecution execution) {
            deadlines.remind(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
        }
    }

    /** Task_EscalateUpdate. */
    @Component("professionalRegisterEscalate")
    static class Escalate implements JavaDelegate {
        private final RegisterDeadlines deadlines;

        Escalate(RegisterDeadlines deadlines) {
            this.deadlines = deadlines;
        }

        @Override
        public void execute(DelegateExecution execution) {
            deadlines.escalate(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
        }
    }
}
