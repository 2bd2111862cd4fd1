package org.videochat.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;

/**
 * Brings the schema to the current version when the application starts, so an upgrade is
 * "deploy the new EAR". Flyway takes a database lock, so several nodes starting at once is safe.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrations {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrations.class.getName());

    @Resource(name = "jdbc/videochat")
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "videochat.db.migrate-on-start")
    boolean migrateOnStart;

    @Inject
    @ConfigProperty(name = "videochat.db.cdc-user")
    String cdcUser;

    @PostConstruct
    void migrate() {
        if (!migrateOnStart) {
            LOG.info("schema migrations on start are switched off (videochat.db.migrate-on-start=false)");
            return;
        }
        var result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(java.util.Map.of("cdc_user", cdcUser))
                .load()
                .migrate();
        LOG.info(() -> "database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }
}
