package kz.health.sanepid.complaint;

import java.util.List;

import kz.health.sanepid.web.Refusal;

/**
 * Input the complaint track cannot accept (a start form, a task's answers); thrown inside the engine's transaction,
 * so nothing is kept. A {@link Refusal} ({@link Refusal.Kind#INVALID}): a refusal of the caller's input, which the
 * engine does not log as an internal error; Tasklist shows the message with the reasons.
 */
public class ComplaintRefusedException extends Refusal {

    public ComplaintRefusedException(List<String> reasons) {
        super(Kind.INVALID, "the complaint is refused", reasons,
                "the complaint is refused: " + String.join("; ", reasons), null);
    }
}
