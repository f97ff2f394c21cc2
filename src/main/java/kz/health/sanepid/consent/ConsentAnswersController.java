package kz.health.sanepid.consent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kz.health.sanepid.consentservice.ConsentService.Status;
import kz.health.sanepid.security.AuthenticationConfig;
import kz.health.sanepid.web.ApiException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/consent-service/answers}: the ДҚБ service (or its Smart Bridge gateway) reports a respondent's
 * answer, {@code {"requestId": "...", "answer": "GRANTED"|"REFUSED"}}. Guarded by the gateway secret, not a login.
 */
@RestController
public class ConsentAnswersController {

    private final ConsentAnswers answers;

    public ConsentAnswersController(ConsentAnswers answers) {
        this.answers = answers;
    }

    public record AnswerBody(String requestId, String answer) {
    }

    @PostMapping(AuthenticationConfig.CONSENT_ANSWERS_PATH)
    public Map<String, Object> answer(@RequestBody AnswerBody body) {
        List<String> problems = new ArrayList<>();
        if (body == null || body.requestId() == null || body.requestId().isBlank() || body.requestId().length() > 40) {
            problems.add("requestId: is required (at most 40 characters)");
        }
        if (body == null || !("GRANTED".equals(body.answer()) || "REFUSED".equals(body.answer()))) {
            problems.add("answer: must be GRANTED or REFUSED");
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest(problems);
        }
        answers.accept(body.requestId(), Status.valueOf(body.answer()));
        return Map.of("requestId", body.requestId(), "answer", body.answer(), "accepted", true);
    }
}
