package kz.health.sanepid.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.stereotype.Component;

/**
 * The engine is built only after Flyway has migrated (its schema is a migration, {@link EngineSchemaMigration}, and
 * it starts with {@code schema-update: false}): the engine configuration takes every plugin bean, and this one needs
 * the migration initializer first.
 */
@Component
public class EngineAfterMigrations extends AbstractProcessEnginePlugin {

    public EngineAfterMigrations(FlywayMigrationInitializer migrated) {
        // the dependency is the point: Spring runs the migrations before it creates this plugin
    }
}
