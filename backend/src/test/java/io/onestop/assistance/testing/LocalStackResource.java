package io.onestop.assistance.testing;

import io.onestop.assistance.platformsim.PlatformSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/** Points the backend under test at the real local stack (see {@link LocalStack}). */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    private static PlatformSimulator platform;

    @Override
    public Map<String, String> start() {
        installScan();
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.reactive.url", "postgresql://%s:%s/%s".formatted(
                LocalStack.get("PG_HOST"), LocalStack.get("PG_PORT"), LocalStack.get("PG_TEST_DB")));
        // Flyway migrates as the owner; the application (and the tests' injected Pool) runs as the app role
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://%s:%s/%s?user=%s&password=%s".formatted(
                LocalStack.get("PG_HOST"), LocalStack.get("PG_PORT"), LocalStack.get("PG_TEST_DB"),
                LocalStack.get("PG_USER"), LocalStack.get("PG_PASSWORD")));
        config.put("quarkus.datasource.username", LocalStack.get("PG_APP_USER"));
        config.put("quarkus.datasource.password", LocalStack.get("PG_APP_PASSWORD"));
        config.put("quarkus.flyway.placeholders.application_role", LocalStack.get("PG_APP_USER"));
        config.put("quarkus.oidc.auth-server-url", LocalStack.get("OIDC_AUTH_SERVER_URL"));
        config.put("assistance.storage.endpoint", LocalStack.get("S3_URL"));
        config.put("assistance.storage.access-key", LocalStack.get("S3_ACCESS_KEY"));
        config.put("assistance.storage.secret-key", LocalStack.get("S3_SECRET_KEY"));
        config.put("assistance.sms.url", platform().baseUrl() + "/sms/send");
        return config;
    }

    /**
     * The platform simulator, started in-process once per JVM: the tests' SMS provider (it records each text, see
     * {@link PlatformSimulator#smsTo}). A real process like the rest of the stack would work the same; in-process
     * lets a test read what was sent without another HTTP hop.
     */
    public static synchronized PlatformSimulator platform() {
        if (platform == null) {
            try {
                platform = PlatformSimulator.start(0, PlatformSimulator.DEFAULT_APP_ID, PlatformSimulator.DEFAULT_APP_SECRET);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return platform;
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
