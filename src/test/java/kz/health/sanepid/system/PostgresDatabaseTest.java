package kz.health.sanepid.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import kz.health.sanepid.calendar.WorkingDayCalendar;
import kz.health.sanepid.jdbc.InsertOnce;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The engine's schema and the application's Flyway migrations on PostgreSQL 15 (scripts/start-postgres.sh; .ci/run
 * gives it a fresh database). Runs under -Psystem.
 */
@SpringBootTest
@ActiveProfiles({"test", "postgres"})
@EnabledIfSystemProperty(named = "sanepid.system", matches = "true")
class PostgresDatabaseTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    WorkingDayCalendar calendar;

    @Test
    void migrationsAndEngineRunOnPostgres() {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
        // every application migration ran on PostgreSQL (the same files as on H2)
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success AND version <> '0'",
                String.class)).contains("1.1", "2.1", "3.1", "4.1", "5.1", "6.1", "9.1", "9.2");
        // the engine's schema is migration 9.1 (Camunda's own PostgreSQL scripts), not the engine's start-up
        assertThat(jdbc.queryForObject("SELECT script FROM flyway_schema_history WHERE version = '9.1'", String.class))
                .isEqualTo("db.migration.V9_1__Engine_schema");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_indexes WHERE indexname = 'sanepid_idx_job_duedate'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success", Integer.class))
                .isZero();
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().count()).isPositive();
        assertThat(calendar.deadlineDay(LocalDate.of(2026, 3, 20), 5)).isEqualTo(LocalDate.of(2026, 4, 1));
        String key = "pg-" + System.nanoTime();
        java.util.Map<String, Object> row = java.util.Map.of("message_key", key, "to_phone", "+77011234567",
                "body", "x", "sent_at", new java.sql.Timestamp(System.currentTimeMillis()));
        assertThat(InsertOnce.insert(jdbc, "sms_outbox", "message_key", row)).isTrue();
        assertThat(InsertOnce.insert(jdbc, "sms_outbox", "message_key", row)).isFalse();
    }
}
