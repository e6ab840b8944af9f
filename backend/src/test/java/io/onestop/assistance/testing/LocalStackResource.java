package io.onestop.assistance.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import java.util.Map;

/** Points the backend under test at the real local stack (see {@link LocalStack}). */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        installScan();
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://%s:%s/%s".formatted(
                        LocalStack.get("PG_HOST"), LocalStack.get("PG_PORT"), LocalStack.get("PG_TEST_DB")),
                // Flyway migrates as the owner; the application (and the tests' injected Pool) runs as the app role
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://%s:%s/%s?user=%s&password=%s".formatted(
                        LocalStack.get("PG_HOST"), LocalStack.get("PG_PORT"), LocalStack.get("PG_TEST_DB"),
                        LocalStack.get("PG_USER"), LocalStack.get("PG_PASSWORD")),
                "quarkus.datasource.username", LocalStack.get("PG_APP_USER"),
                "quarkus.datasource.password", LocalStack.get("PG_APP_PASSWORD"),
                "quarkus.flyway.placeholders.application_role", LocalStack.get("PG_APP_USER"),
                "quarkus.oidc.auth-server-url", LocalStack.get("OIDC_AUTH_SERVER_URL"),
                "assistance.storage.endpoint", LocalStack.get("S3_URL"),
                "assistance.storage.access-key", LocalStack.get("S3_ACCESS_KEY"),
                "assistance.storage.secret-key", LocalStack.get("S3_SECRET_KEY"));
    }

    /** Every answer of the suite is scanned for national id numbers (see {@link PersonalDataScan}), once per JVM. */
    private static synchronized void installScan() {
        PersonalDataScan.startRun();
        if (RestAssured.filters().stream().noneMatch(PersonalDataScan.class::isInstance)) {
            RestAssured.filters(new PersonalDataScan());
        }
    }

    @Override
    public void stop() {
        // The stack outlives the test run; `infra/bin/stack down` stops it.
    }
}
