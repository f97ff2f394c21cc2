package kz.health.sanepid.disclosure;

import java.util.List;

import kz.health.sanepid.web.Refusal;

/** A request that fails format-logical control (004 App.2 item 18); nothing was registered. A {@link Refusal}. */
public class InvalidDisclosureRequestException extends Refusal {

    public InvalidDisclosureRequestException(List<String> problems) {
        super(Kind.INVALID, "the request is invalid", problems,
                "the disclosure request is invalid: " + String.join("; ", problems), null);
    }

    public List<String> problems() {
        return reasons();
    }
}
