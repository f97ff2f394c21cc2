package kz.health.sanepid.professionalregister;

import static kz.health.sanepid.professionalregister.ProfessionalRegisterProcess.EMPLOYER_BIN;
import static kz.health.sanepid.professionalregister.ProfessionalRegisterProcess.EMPLOYER_KNOWN;

import java.util.Optional;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_FindEmployer: writes {@code employerKnown} and {@code employerBin}. */
@Component("professionalRegisterFindEmployer")
public class FindEmployerDelegate implements JavaDelegate {

    private final RegisterSteps useCase;

    public FindEmployerDelegate(RegisterSteps useCase) {
        this.useCase = useCase;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Optional<String> employer = useCase.findEmployer(execution.getProcessBusinessKey());
        execution.setVariable(EMPLOYER_KNOWN, employer.isPresent());
        execution.setVariable(EMPLOYER_BIN, employer.orElse(null));
    }
}
