package io.onestop.assistance.common.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.testing.AppRolePool;
import io.onestop.assistance.testing.LocalStack;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OnVertx;
import io.onestop.assistance.testing.OwnerSql;
import io.onestop.assistance.testing.TestClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The purge of expired idempotency records: it deletes what is older than the retention and nothing younger, and
 * instances purging at the same moment (pools of their own, as two backend replicas have) share the work without
 * an error or a wait. Ages are set with SQL, against the database's own clock (the service clock is the real time).
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class IdempotencyPurgeTest {

    @Inject
    IdempotencyPurge purge;

    @Inject
    Vertx vertx;

    @Inject
    TestClock clock;

    @Test
    void deletesOnlyRecordsOlderThanTheRetention() {
        String owner = "purge-test-" + UUID.randomUUID();
        insert(owner, 3, "COMPLETED", "now() - interval '7 days 1 hour'");
        insert(owner, 1, "IN_FLIGHT", "now() - interval '30 days'"); // a claim abandoned long ago goes too
        insert(owner, 2, "COMPLETED", "now() - interval '6 days 23 hours'");
        insert(owner, 2, "COMPLETED", "now()");
        insert(owner, 1, "IN_FLIGHT", "now()");

        assertTrue(OnVertx.await(vertx, purge::purge) >= 4);
        assertEquals("0", count(owner, "created_at < now() - interval '7 days'"));
        assertEquals("5", count(owner, "true"));
        // nothing left to do: a second run deletes none of these and fails nothing
        OnVertx.await(vertx, purge::purge);
        assertEquals("5", count(owner, "true"));
    }

    @Test
    void twoInstancesPurgingAtOnceBothFinishAndLeaveTheFreshRecords() {
        clock.reset();
        String owner = "purge-test-" + UUID.randomUUID();
        insert(owner, 2500, "COMPLETED", "now() - interval '8 days' - n * interval '1 second'");
        insert(owner, 40, "COMPLETED", "now() - n * interval '1 minute'");
        long expired = Long.parseLong(OwnerSql.queryString(
                "select count(*) from idempotency_record where created_at < now() - interval '7 days'"));
        io.vertx.sqlclient.Pool poolA = pool("a");
        io.vertx.sqlclient.Pool poolB = pool("b");
        try {
            // batches of 100: some 25 statements each, interleaved on two connections
            IdempotencyPurge a = new IdempotencyPurge(Pool.newInstance(poolA), clock, config(Duration.ofDays(7), 100));
            IdempotencyPurge b = new IdempotencyPurge(Pool.newInstance(poolB), clock, config(Duration.ofDays(7), 100));
            List<Supplier<Uni<Integer>>> both = List.of(a::purge, b::purge);
            List<Integer> deleted = OnVertx.awaitAll(vertx, both);
            assertEquals(expired, deleted.get(0) + deleted.get(1), deleted.toString());
            assertEquals("0", count(owner, "created_at < now() - interval '7 days'"));
            assertEquals("40", count(owner, "true"));
        } finally {
            poolA.close();
            poolB.close();
        }
    }

    @Test
    void skipsRowsAnotherTransactionHoldsInsteadOfWaitingForThem() throws Exception {
        String owner = "purge-test-" + UUID.randomUUID();
        insert(owner, 30, "COMPLETED", "now() - interval '9 days'");
        // another instance's batch (or a retry's claim) holds ten of them in an open transaction
        try (Connection other = DriverManager.getConnection("jdbc:postgresql://%s:%s/%s".formatted(LocalStack.get("PG_HOST"),
                LocalStack.get("PG_PORT"), LocalStack.get("PG_TEST_DB")), LocalStack.get("PG_USER"), LocalStack.get("PG_PASSWORD"))) {
            other.setAutoCommit(false);
            try (Statement statement = other.createStatement()) {
                statement.executeQuery("select 1 from idempotency_record where owner_subject = '" + owner
                        + "' order by idempotency_key limit 10 for update").close();
            }
            OnVertx.await(vertx, () -> purge.purge().ifNoItem().after(Duration.ofSeconds(10)).fail());
            assertEquals("10", count(owner, "true"));
            other.rollback();
        }
        OnVertx.await(vertx, purge::purge);
        assertEquals("0", count(owner, "true"));
    }

    @Test
    void neverPurgesAClaimYoungerThanAbandonedAfterEvenWithAShorterRetention() {
        String owner = "purge-test-" + UUID.randomUUID();
        insert(owner, 1, "IN_FLIGHT", "now() - interval '30 seconds'"); // a live request, abandoned-after is 60 s
        insert(owner, 1, "COMPLETED", "now() - interval '90 seconds'");
        io.vertx.sqlclient.Pool own = pool("c");
        try {
            IdempotencyPurge hasty = new IdempotencyPurge(Pool.newInstance(own), clock, config(Duration.ofSeconds(1), 10));
            OnVertx.await(vertx, hasty::purge);
            assertEquals("1", count(owner, "true"));
            assertEquals("IN_FLIGHT", OwnerSql.queryString(
                    "select state from idempotency_record where owner_subject = '" + owner + "'"));
        } finally {
            own.close();
        }
    }

    private static void insert(String owner, int rows, String state, String createdAt) {
        OwnerSql.run("""
                insert into idempotency_record (owner_subject, idempotency_key, operation, request_hash, state,
                                                response_status, response_body, created_at)
                select '%s', gen_random_uuid(), 'TEST', repeat('0', 64), '%s', 201, '{"id": 1}', %s
                from generate_series(1, %d) n""".formatted(owner, state, createdAt, rows));
    }

    private static String count(String owner, String condition) {
        return OwnerSql.queryString("select count(*) from idempotency_record where owner_subject = '" + owner
                + "' and " + condition);
    }

    private static IdempotencyConfig config(Duration retention, int batch) {
        return new IdempotencyConfig() {
            @Override
            public Duration abandonedAfter() {
                return Duration.ofSeconds(60);
            }

            @Override
            public Duration retention() {
                return retention;
            }

            @Override
            public String purgeEvery() {
                return "off";
            }

            @Override
            public int purgeBatch() {
                return batch;
            }
        };
    }

    /** A pool of its own, as the application role, like a second instance's. */
    private io.vertx.sqlclient.Pool pool(String name) {
        return AppRolePool.open(vertx, "idempotency-purge-test-" + name, 2);
    }
}
