package kz.health.sanepid.consent;

import java.util.List;

/** A consent request or revocation that cannot be carried out as given; nothing was recorded. */
public class InvalidConsentRequestException extends org.camunda.bpm.engine.BadUserRequestException {

    private final List<String> reasons;
    private final boolean conflict;

    public InvalidConsentRequestException(List<String> reasons, boolean conflict) {
        super((conflict ? "not possible now: " : "invalid: ") + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
        this.conflict = conflict;
    }

    public static InvalidConsentRequestException invalid(List<String> reasons) {
        return new InvalidConsentRequestException(reasons, false);
    }

    public static InvalidConsentRequestException conflict(String reason) {
        return new InvalidConsentRequestException(List.of(reason), true);
    }

    public List<String> reasons() {
        return reasons;
    }

    /** True when the input is well-formed but the consent's state does not allow it (HTTP 409). */
    public boolean conflict() {
        return conflict;
    }
}
