package kz.health.sanepid.disclosure;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/** The second approval of a disclosure was attempted by the officer who confirmed the ground (400 on complete). */
public class FourEyesViolationException extends FormFieldValidationException {

    public FourEyesViolationException() {
        super("approvedBy", "four-eyes: the second approval must be given by another officer than the one who confirmed the ground");
    }
}
