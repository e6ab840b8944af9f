package io.onestop.assistance.common;

import io.onestop.assistance.documents.storage.ObjectStorage;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * Fails start-up at once, with one line that says what is wrong and how to fix it, when a system the service
 * cannot work without is unreachable: PostgreSQL (migrations run here), Keycloak, and the S3 store. Runs on the
 * main thread before the service takes traffic, so blocking here is fine.
 */
@ApplicationScoped
public class StartupChecks {

    private static final Logger LOG = Logger.getLogger(StartupChecks.class);
    private static volatile boolean passed;

    /** Background jobs wait for this: before it, the schema may not be migrated yet. */
    public static class UntilStarted implements Scheduled.SkipPredicate {
        @Override
        public boolean test(ScheduledExecution execution) {
            return !passed;
        }
    }

    /** Start-up stops with this; its message is the whole story, so no stack trace. */
    public static class MisconfiguredException extends RuntimeException {
        MisconfiguredException(String message) {
            super(message, null, false, false);
        }
    }

    void onStart(@Observes @Priority(1) StartupEvent event, Flyway flyway, ObjectStorage storage,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") String oidcServer,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "assistance.storage.endpoint") String s3) {
        try {
            flyway.migrate();
        } catch (RuntimeException e) {
            throw fail("PostgreSQL at " + withoutCredentials(jdbcUrl) + " cannot be migrated (" + rootMessage(e) + "). "
                    + "Start it with `infra/bin/stack up` or set PG_HOST, PG_PORT, PG_DB, PG_USER, PG_PASSWORD.");
        }
        String discovery = oidcServer + "/.well-known/openid-configuration";
        try {
            // HttpURLConnection, not java.net.http: that client's ~500 classes stayed in metaspace for one request
            HttpURLConnection connection = (HttpURLConnection) URI.create(discovery).toURL().openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(10_000);
            int status = connection.getResponseCode();
            connection.disconnect();
            if (status != 200) {
                throw new IllegalStateException("HTTP " + status);
            }
        } catch (Exception e) {
            throw fail("Keycloak realm at " + oidcServer + " is not reachable (" + rootMessage(e) + "). "
                    + "Start it with `infra/bin/stack up` or set OIDC_AUTH_SERVER_URL.");
        }
        try {
            storage.ensureBucket().await().atMost(Duration.ofSeconds(15));
        } catch (RuntimeException e) {
            throw fail("S3 storage at " + s3 + " is not usable (" + rootMessage(e) + "). "
                    + "Start it with `infra/bin/stack up` or set S3_URL, S3_ACCESS_KEY, S3_SECRET_KEY.");
        }
        passed = true;
    }

    private static MisconfiguredException fail(String message) {
        LOG.error(message);
        return new MisconfiguredException(message);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** The owner's credentials ride in the JDBC URL's query (application.properties): never in a log line. */
    static String withoutCredentials(String jdbcUrl) {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
