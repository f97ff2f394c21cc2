package kz.health.sanepid.registry.license;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.health.sanepid.calendar.WorkingDayCalendar;
import kz.health.sanepid.idnumber.RandomKeys;
import kz.health.sanepid.jdbc.InsertOnce;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** e-license answered from the application's {@code permit} and {@code cabinet_delivery} tables. */
@Component
@ConditionalOnProperty(name = "sanepid.adapters.license-registry", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedLicenseRegistry implements LicenseRegistry {

    private static final String COLUMNS = "permit_id, service_code, holder_id, holder_kind, holder_name, scope,"
            + " issued_on, valid_until, replaces_permit_id";
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public EmbeddedLicenseRegistry(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<Permit> activePermitsHeldBy(String holderId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM permit WHERE holder_id = ? AND status = 'ACTIVE' ORDER BY permit_id",
                EmbeddedLicenseRegistry::permit, holderId);
    }

    @Override
    @Transactional
    public Permit reissueForNewName(String permitId, String newHolderName) {
        List<Permit> formed = jdbc.query("SELECT " + COLUMNS + " FROM permit WHERE replaces_permit_id = ?",
                EmbeddedLicenseRegistry::permit, permitId);
        if (!formed.isEmpty()) {
            return formed.get(0);
        }
        Permit old = jdbc.query("SELECT " + COLUMNS + " FROM permit WHERE permit_id = ?",
                EmbeddedLicenseRegistry::permit, permitId).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("e-license has no permit " + permitId));
        String newId = RandomKeys.clearOf(() -> "EL-" + UUID.randomUUID().toString().substring(0, 18));
        jdbc.update("INSERT INTO permit (" + COLUMNS + ", status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'ACTIVE')",
                newId, old.serviceCode(), old.holderId(), old.holderKind().name(), newHolderName, old.scope(),
                Date.valueOf(clock.instant().atZone(WorkingDayCalendar.ZONE).toLocalDate()),
                old.validUntil() == null ? null : Date.valueOf(old.validUntil()), permitId);
        jdbc.update("UPDATE permit SET status = 'REPLACED' WHERE permit_id = ?", permitId);
        return activePermitsHeldBy(old.holderId()).stream().filter(p -> p.permitId().equals(newId)).findFirst()
                .orElseThrow();
    }

    @Override
    public void deliverToCabinet(String permitId, String recipientIin) {
        InsertOnce.insert(jdbc, "cabinet_delivery", "permit_id", Map.of("permit_id", permitId,
                "recipient_iin", recipientIin, "delivered_at", Timestamp.from(clock.instant())));
    }

    private static Permit permit(ResultSet rs, int row) throws SQLException {
        Date validUntil = rs.getDate(8);
        return new Permit(rs.getString(1), rs.getInt(2), rs.getString(3), HolderKind.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getDate(7).toLocalDate(),
                validUntil == null ? null : validUntil.toLocalDate(), rs.getString(9));
    }
}
