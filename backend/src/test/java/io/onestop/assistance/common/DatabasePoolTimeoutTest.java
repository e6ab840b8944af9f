package io.onestop.assistance.common;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OnVertx;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The pool gives up waiting for a connection after assistance.database.acquire-timeout (2 s), not the client's 30 s. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class DatabasePoolTimeoutTest {

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @ConfigProperty(name = "quarkus.datasource.reactive.max-size")
    int maxSize;

    @Test
    void aRequestWaitingForABusyPoolIsRefusedWithinTheAcquireTimeout() {
        // one at a time, again when the sealer or the notify worker holds a connection for a moment
        List<SqlConnection> held = new ArrayList<>();
        for (int tries = 0; held.size() < maxSize && tries < maxSize * 5; tries++) {
            try {
                held.add(OnVertx.await(vertx, () -> pool.getConnection()));
            } catch (RuntimeException busy) {
                // taken by a scheduled job right now; try again
            }
        }
        try {
            assertTrue(held.size() == maxSize, "held " + held.size() + " of " + maxSize);
            long start = System.nanoTime();
            RuntimeException refused = assertThrows(RuntimeException.class,
                    () -> OnVertx.await(vertx, () -> pool.query("select 1").execute()));
            long waited = (System.nanoTime() - start) / 1_000_000;
            assertTrue(waited >= 1500 && waited < 5000, "waited " + waited + " ms");
            assertTrue(DependencyFailure.isUnavailable(refused), String.valueOf(refused));
        } finally {
            held.forEach(connection -> OnVertx.await(vertx, () -> connection.close()));
        }
    }
}
