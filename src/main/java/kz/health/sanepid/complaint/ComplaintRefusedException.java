package kz.health.sanepid.complaint;

import java.util.List;

/** Input the complaint track cannot accept; thrown inside the engine's transaction, so nothing is kept. */
public class ComplaintRefusedException extends RuntimeException {

    private final List<String> reasons;

    public ComplaintRefusedException(List<String> reasons) {
        super("the complaint is refused: " + String.join("; ", reasons));
        this.reasons = List.copyOf(reasons);
    }

    public List<String> reasons() {
        return reasons;
    }
}
