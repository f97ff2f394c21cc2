package kz.health.sanepid.consent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Settings the consent diagrams read by expression, e.g. {@code ${consentSettings.answerTimeout}}. */
@Component("consentSettings")
public class ConsentSettings {

    private final String answerTimeout;

    public ConsentSettings(@Value("${sanepid.consent.answer-timeout:P3D}") String answerTimeout) {
        if (answerTimeout == null || !answerTimeout.matches("^P(?!$)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$")) {
            throw new IllegalStateException("sanepid.consent.answer-timeout must be an ISO-8601 duration such as P3D");
        }
        this.answerTimeout = answerTimeout;
    }

    /** How long the subject (or representative) has to answer through the ДҚБ service before the request expires. */
    public String getAnswerTimeout() {
        return answerTimeout;
    }
}
