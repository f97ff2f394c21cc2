package kz.health.sanepid.reissuance;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/**
 * How many recipient instances the next job of a run starts: {@code sanepid.sdu.batch-size} at start
 * ({@link SduSettings#batchSize()}), changeable while the application runs, by operators (JMX-free) and tests,
 * within the same 1-5000 the configuration allows. The configuration record itself stays immutable.
 */
@Component
public class RecipientBatchSize {

    private final AtomicInteger size;

    public RecipientBatchSize(SduSettings settings) {
        this.size = new AtomicInteger(checked(settings.batchSize()));
    }

    public int get() {
        return size.get();
    }

    public void set(int batchSize) {
        size.set(checked(batchSize));
    }

    private static int checked(int batchSize) {
        if (batchSize < 1 || batchSize > 5_000) {
            throw new IllegalStateException("sanepid.sdu.batch-size must be between 1 and 5000");
        }
        return batchSize;
    }
}
