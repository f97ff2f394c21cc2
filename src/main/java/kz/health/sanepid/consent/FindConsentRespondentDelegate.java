package kz.health.sanepid.consent;

import static kz.health.sanepid.consent.ConsentProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Who answers for the subject: the subject, or the legal representative of a minor or incapable person. */
@Component("findConsentRespondent")
public class FindConsentRespondentDelegate implements JavaDelegate {

    private final ConsentRespondents respondents;
    private final ConsentRecords records;

    public FindConsentRespondentDelegate(ConsentRespondents respondents, ConsentRecords records) {
        this.respondents = respondents;
        this.records = records;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ConsentRespondents.Respondent respondent =
                respondents.respondentFor(ConsentVariables.text(execution, SUBJECT_IIN), records.today());
        execution.setVariable(RESPONDENT_IIN, respondent.iin());
        execution.setVariable(RESPONDENT_GROUND, respondent.ground().name());
    }
}
