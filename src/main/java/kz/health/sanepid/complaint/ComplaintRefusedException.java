package kz.health.sanepid.complaint;

import java.util.List;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * Input the complaint track cannot accept (a start form, a task's answers); thrown inside the engine's transaction,
 * so nothing is kept. A {@link BadUserRequestException}: a refusal of the caller's input, which the engine does not
 * log as an internal error; Tasklist shows the message with the reasons.
 */
public class ComplaintRefusedException extends BadUserRequestException {

    private final List<String> reasons;

    public ComplaintRefusedException(List<String> reasons) {
        super("the complaint is refused: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
