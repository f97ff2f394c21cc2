package kz.health.sanepid.disclosure;

import java.util.List;

/** A request that fails format-logical control (004 App.2 item 18); nothing was registered. */
public class InvalidDisclosureRequestException extends org.camunda.bpm.engine.BadUserRequestException {

    private final List<String> problems;

    public InvalidDisclosureRequestException(List<String> problems) {
        super("the disclosure request is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
