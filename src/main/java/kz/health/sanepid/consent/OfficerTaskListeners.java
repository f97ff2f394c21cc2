package kz.health.sanepid.consent;

import static kz.health.sanepid.consent.ConsentProcess.*;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The server checks the data-protection officer's forms again on completion (a bad value keeps the task open) and
 * notes who decided: the logged-in user completing the task, else its assignee.
 */
@Configuration
public class OfficerTaskListeners {

    static final Set<String> GROUND_DECISIONS = Set.of("CONFIRM", "REJECT");
    static final Set<String> REVIEW_DECISIONS = Set.of("REFUSE_REVOCATION", "ALLOW_REVOCATION");

    @Bean("legalGroundDecisionListener")
    TaskListener legalGroundDecisionListener(IdentityService identityService) {
        return task -> {
            String decision = required(task, OFFICER_DECISION, GROUND_DECISIONS);
            if ("CONFIRM".equals(decision)) {
                Object chosen = task.getVariable(CONFIRMED_GROUND);
                LegalGround ground = LegalGround.ofCode(chosen == null ? String.valueOf(task.getVariable(LEGAL_BASIS_GROUND))
                        : chosen.toString());
                if (ground == null || !ground.withoutConsent()) {
                    throw InvalidConsentRequestException.invalid(List.of(CONFIRMED_GROUND
                            + ": choose a ground of Law 94-V art. 9 or Health Code art. 95(4)"));
                }
                task.setVariable(CONFIRMED_GROUND, ground.name());
            }
            task.setVariable(DECIDING_OFFICER, officer(task, identityService));
        };
    }

    @Bean("revocationReviewListener")
    TaskListener revocationReviewListener(IdentityService identityService) {
        return task -> {
            required(task, REVIEW_DECISION, REVIEW_DECISIONS);
            task.setVariable(REVIEWING_OFFICER, officer(task, identityService));
        };
    }

    private static String required(DelegateTask task, String name, Set<String> allowed) {
        Object value = task.getVariable(name);
        if (value == null || !allowed.contains(value.toString())) {
            throw InvalidConsentRequestException.invalid(List.of(name + ": must be one of " + allowed));
        }
        return value.toString();
    }

    private static String officer(DelegateTask task, IdentityService identityService) {
        Authentication auth = identityService.getCurrentAuthentication();
        String officer = auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
        if (officer == null) {
            throw InvalidConsentRequestException.invalid(List.of("the deciding officer is unknown: claim the task first"));
        }
        return officer;
    }
}
