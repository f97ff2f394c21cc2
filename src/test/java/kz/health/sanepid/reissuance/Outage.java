package kz.health.sanepid.reissuance;

import java.util.concurrent.atomic.AtomicInteger;

/** A test adapter's outage: the next N calls fail as an unreachable outside system would. */
final class Outage {

    private final String system;
    private final AtomicInteger failures = new AtomicInteger();

    Outage(String system) {
        this.system = system;
    }

    void failNext(int calls) {
        failures.set(calls);
    }

    /** Throws while the outage lasts, counting the call. */
    void call() {
        if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException(system + " unreachable (test)");
        }
    }
}
