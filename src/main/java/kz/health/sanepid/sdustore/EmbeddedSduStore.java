package kz.health.sanepid.sdustore;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;

import kz.health.sanepid.jdbc.InsertOnce;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The SDU store kept in the application's {@code sdu_updated_recipient} table. */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.sdu-store", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedSduStore implements SduStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public EmbeddedSduStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void writeUpdatedRecipient(UpdatedRecipient r) {
        InsertOnce.insert(jdbc, "sdu_updated_recipient", "permit_id", Map.of("permit_id", r.permitId(),
                "recipient_iin", r.recipientIin(), "holder_id", r.holderId(), "new_holder_name", r.newHolderName(),
                "replaces_permit_id", r.replacesPermitId(), "written_at", Timestamp.from(clock.instant())));
    }
}
