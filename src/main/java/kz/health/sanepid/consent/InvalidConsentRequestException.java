package kz.health.sanepid.consent;

import java.util.List;

import kz.health.sanepid.web.Refusal;

/**
 * A consent request or revocation that cannot be carried out as given; nothing was recorded. A {@link Refusal}:
 * {@link Refusal.Kind#INVALID} for bad input, {@link Refusal.Kind#CONFLICT} when the consent's state does not allow it.
 */
public class InvalidConsentRequestException extends Refusal {

    public InvalidConsentRequestException(List<String> reasons, boolean conflict) {
        this(conflict ? Kind.CONFLICT : Kind.INVALID,
                (conflict ? "not possible now: " : "invalid: ") + String.join("; ", reasons), reasons);
    }

    private InvalidConsentRequestException(Kind kind, String message, List<String> reasons) {
        super(kind, message, reasons, message, null);
    }

    public static InvalidConsentRequestException invalid(List<String> reasons) {
        return new InvalidConsentRequestException(reasons, false);
    }

    public static InvalidConsentRequestException conflict(String reason) {
        return new InvalidConsentRequestException(List.of(reason), true);
    }

    /** True when the input is well-formed but the consent's state does not allow it (HTTP 409). */
    public boolean conflict() {
        return kind() == Kind.CONFLICT;
    }
}
