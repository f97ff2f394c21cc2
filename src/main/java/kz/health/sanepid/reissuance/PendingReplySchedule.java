package kz.health.sanepid.reissuance;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs {@link PendingReplySweeper} every {@code sanepid.sdu.pending-replies.sweep-interval} (10 s by default). */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "sanepid.sdu.pending-replies.sweep-enabled", havingValue = "true", matchIfMissing = true)
public class PendingReplySchedule {

    private final PendingReplySweeper sweeper;

    public PendingReplySchedule(PendingReplySweeper sweeper) {
        this.sweeper = sweeper;
    }

    @Scheduled(fixedDelayString = "${sanepid.sdu.pending-replies.sweep-interval:PT10S}")
    public void sweep() {
        sweeper.sweep();
    }
}
