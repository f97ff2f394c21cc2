package db.migration;

import kz.health.sanepid.engine.EngineSchemaMigration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The engine's schema (Camunda 7.24's own create scripts) as a Flyway migration; in this package because Flyway finds
 * Java migrations in the package of its location ({@code classpath:db/migration}). See {@link EngineSchemaMigration}.
 */
public class V9_1__Engine_schema extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        EngineSchemaMigration.createUnlessPresent(context.getConnection());
    }
}
