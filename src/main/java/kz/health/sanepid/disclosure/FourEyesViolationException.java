package kz.health.sanepid.disclosure;

import org.camunda.bpm.engine.ProcessEngineException;

/** The second approval of a disclosure was attempted by the officer who confirmed the ground. */
public class FourEyesViolationException extends ProcessEngineException {

    public FourEyesViolationException() {
        super("four-eyes: the second approval must be given by another officer than the one who confirmed the ground");
    }
}
