package kz.health.sanepid.disclosure;

import java.util.List;

import kz.health.sanepid.web.Refusal;

/**
 * The second approval of a disclosure was attempted by the officer who confirmed the ground: a {@link Refusal} of
 * the field {@code approvedBy} (on a task's completion the engine's form-field refusal, 400).
 */
public class FourEyesViolationException extends Refusal {

    static final String MESSAGE =
            "four-eyes: the second approval must be given by another officer than the one who confirmed the ground";

    public FourEyesViolationException() {
        super(Kind.INVALID, MESSAGE, List.of("approvedBy: " + MESSAGE), MESSAGE, "approvedBy");
    }
}
