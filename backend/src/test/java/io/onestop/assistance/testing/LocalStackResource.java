package io.onestop.assistance.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Points the backend under test at the real local stack (see {@link LocalStack}). */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.reactive.url", "postgresql://%s:%s/%s".formatted(
                        LocalStack.get("PG_HOST"), LocalStack.get("PG_PORT"), LocalStack.get("PG_TEST_DB")),
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://%s:%s/%s".formatted(
                        LocalStack.get("PG_HOST"), LocalStack.get("PG_PORT"), LocalStack.get("PG_TEST_DB")),
                "quarkus.datasource.username", LocalStack.get("PG_USER"),
                "quarkus.datasource.password", LocalStack.get("PG_PASSWORD"),
                "quarkus.oidc.auth-server-url", LocalStack.get("OIDC_AUTH_SERVER_URL"),
                "assistance.storage.endpoint", LocalStack.get("S3_URL"),
                "assistance.storage.access-key", LocalStack.get("S3_ACCESS_KEY"),
                "assistance.storage.secret-key", LocalStack.get("S3_SECRET_KEY"));
    }

    @Override
    public void stop() {
        // The stack outlives the test run; `infra/bin/stack down` stops it.
    }
}
