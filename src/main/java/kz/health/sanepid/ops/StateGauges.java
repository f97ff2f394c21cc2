package kz.health.sanepid.ops;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import kz.health.sanepid.complaint.ComplaintStats;
import kz.health.sanepid.complaint.Route;
import kz.health.sanepid.consent.ConsentEventType;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The state an operator watches, read from the database (so every node reports the same, cluster-wide figures, and
 * they survive restarts), refreshed every {@code sanepid.metrics.refresh-interval}: recipients per outcome of the
 * latest SDU runs, SMS replies per disposition, complaints open and overdue per route, consent events per type and
 * open incidents per process. Tags are run ids, enum values and process keys only, never a person's data.
 */
@Component
public class StateGauges {

    private static final Logger LOG = LoggerFactory.getLogger(StateGauges.class);

    private final JdbcTemplate jdbc;
    private final ComplaintStats complaints;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final int sduRuns;
    private final MultiGauge sduRecipients;
    private final MultiGauge replies;
    private final MultiGauge complaintsOpen;
    private final MultiGauge complaintsOverdue;
    private final MultiGauge consentEvents;
    private final MultiGauge incidents;
    private final Clock clock;

    public StateGauges(JdbcTemplate jdbc, ComplaintStats complaints, RepositoryService repository,
            RuntimeService runtime, MeterRegistry registry, MetricsProperties metrics, Clock clock) {
        this.jdbc = jdbc;
        this.complaints = complaints;
        this.repository = repository;
        this.runtime = runtime;
        this.sduRuns = metrics.sduRuns();
        this.clock = clock;
        sduRecipients = gauge(registry, "sanepid.sdu.recipients", "recipients of the latest SDU runs per outcome");
        replies = gauge(registry, "sanepid.sms.replies", "SMS received on /api/sms/inbound per disposition");
        complaintsOpen = gauge(registry, "sanepid.complaints.open", "complaints open per route");
        complaintsOverdue = gauge(registry, "sanepid.complaints.overdue",
                "complaints open past the term now running, per route");
        consentEvents = gauge(registry, "sanepid.consent.events", "consent journal events per type (outcome)");
        incidents = gauge(registry, "sanepid.engine.incidents.open", "open incidents per process definition key");
    }

    private static MultiGauge gauge(MeterRegistry registry, String name, String description) {
        return MultiGauge.builder(name).description(description).register(registry);
    }

    /** Reads every figure anew; a failing database leaves the last figures (readiness reports the outage). */
    @Scheduled(initialDelayString = "#{@metricsProperties.refreshInterval().toString()}",
            fixedDelayString = "#{@metricsProperties.refreshInterval().toString()}")
    public void refresh() {
        try {
            sduRecipients.register(sduRecipientRows(), true);
            replies.register(rows("SELECT disposition, COUNT(*) FROM sdu_sms_inbound GROUP BY disposition",
                    "disposition", List.of()), true);
            consentEvents.register(rows("SELECT event_type, COUNT(*) FROM consent_event GROUP BY event_type", "type",
                    Arrays.stream(ConsentEventType.values()).map(Enum::name).toList()), true);
            complaintRows();
            incidents.register(incidentRows(), true);
        } catch (RuntimeException e) {
            LOG.warn("metrics: the state figures could not be read ({})", e.getClass().getSimpleName());
        }
    }

    private List<MultiGauge.Row<?>> sduRecipientRows() {
        List<String> runs = jdbc.queryForList("SELECT run_id FROM sdu_run ORDER BY started_at DESC FETCH FIRST "
                + sduRuns + " ROWS ONLY", String.class);
        if (runs.isEmpty()) {
            return List.of();
        }
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        jdbc.query("SELECT run_id, outcome, COUNT(*) FROM sdu_recipient WHERE run_id IN ("
                + String.join(",", Collections.nCopies(runs.size(), "?")) + ") GROUP BY run_id, outcome",
                rs -> {
                    rows.add(MultiGauge.Row.of(Tags.of("run", rs.getString(1), "outcome", rs.getString(2)),
                            rs.getLong(3)));
                }, runs.toArray());
        return rows;
    }

    /** One row per value of {@code sql}'s first column; {@code always} are reported with 0 when absent. */
    private List<MultiGauge.Row<?>> rows(String sql, String tag, List<String> always) {
        Map<String, Long> counts = new LinkedHashMap<>();
        always.forEach(value -> counts.put(value, 0L));
        jdbc.query(sql, rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts.entrySet().stream().<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of(tag, e.getKey()),
                e.getValue())).toList();
    }

    private void complaintRows() {
        Map<String, ComplaintStats.Counts> perRoute = new LinkedHashMap<>();
        complaints.at(Date.from(clock.instant())).perRoute().forEach(c -> perRoute.put(c.group(), c));
        List<MultiGauge.Row<?>> open = new ArrayList<>();
        List<MultiGauge.Row<?>> overdue = new ArrayList<>();
        for (Route route : Route.values()) {
            ComplaintStats.Counts counts = perRoute.get(route.name());
            open.add(MultiGauge.Row.of(Tags.of("route", route.name()), counts == null ? 0 : counts.open()));
            overdue.add(MultiGauge.Row.of(Tags.of("route", route.name()), counts == null ? 0 : counts.overdue()));
        }
        complaintsOpen.register(open, true);
        complaintsOverdue.register(overdue, true);
    }

    private List<MultiGauge.Row<?>> incidentRows() {
        return repository.createProcessDefinitionQuery().latestVersion().list().stream().map(ProcessDefinition::getKey)
                .distinct().sorted().<MultiGauge.Row<?>>map(key -> MultiGauge.Row.of(Tags.of("process", key),
                        runtime.createIncidentQuery().processDefinitionKeyIn(key).count())).toList();
    }
}
