package io.onestop.assistance.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.testing.AppRolePool;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shared limits hold across instances: two limiters on pools of their own (as two backend replicas would have)
 * count one key against one limit, also when they hit it at the same moment; keys are stored hashed; the purge drops
 * ended windows only.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class SharedRateLimiterTest {

    private static final Duration WINDOW = Duration.ofHours(1);

    @Inject
    Vertx vertx;

    @Inject
    PersonalDataProtector protector;

    @Inject
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void twoInstancesCountOneKeyAgainstOneLimit() {
        clock.set(Instant.parse("2032-03-01T00:00:01Z"));
        String key = "test:address:" + UUID.randomUUID();
        io.vertx.sqlclient.Pool poolA = pool("a");
        io.vertx.sqlclient.Pool poolB = pool("b");
        try {
            SharedRateLimiter a = new SharedRateLimiter(Pool.newInstance(poolA), protector, clock);
            SharedRateLimiter b = new SharedRateLimiter(Pool.newInstance(poolB), protector, clock);
            // alternating: 5 allowed in all, not 5 per instance
            List<Long> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                SharedRateLimiter instance = i % 2 == 0 ? a : b;
                answers.add(OnVertx.await(vertx, () -> instance.hit(key, 5, WINDOW)));
            }
            assertEquals(List.of(0L, 0L, 0L, 0L, 0L), answers.subList(0, 5));
            assertTrue(answers.subList(5, 8).stream().allMatch(wait -> wait > 3500 && wait <= 3600), answers.toString());

            // at the same moment: 40 hits of a fresh key, 20 from each instance, exactly 5 go through
            String burst = "test:intake:" + UUID.randomUUID();
            List<Supplier<Uni<Long>>> hits = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SharedRateLimiter instance = i % 2 == 0 ? a : b;
                hits.add(() -> instance.hit(burst, 5, WINDOW));
            }
            assertEquals(5, OnVertx.awaitAll(vertx, hits).stream().filter(wait -> wait == 0).count());
            assertEquals("40", OwnerSql.queryString("select hits from rate_limit_window where key_hash = '"
                    + protector.lookupHash("rate-limit:" + WINDOW.toMillis() + ":" + burst) + "'"));

            // the next window starts afresh, on either instance
            clock.set(Instant.parse("2032-03-01T01:00:00Z"));
            assertEquals(0L, OnVertx.await(vertx, () -> b.hit(key, 5, WINDOW)));
        } finally {
            poolA.close();
            poolB.close();
        }
    }

    @Test
    void keysAreStoredHashedAndThePurgeDropsEndedWindowsOnly() {
        io.vertx.sqlclient.Pool own = pool("c");
        try {
            purgeKeepsTheCurrentWindow(new SharedRateLimiter(Pool.newInstance(own), protector, clock));
        } finally {
            own.close();
        }
    }

    private void purgeKeepsTheCurrentWindow(SharedRateLimiter limiter) {
        String key = "test:address:203.0.113." + (int) (Math.random() * 250);
        clock.set(Instant.parse("2033-05-01T10:00:00Z"));
        OnVertx.await(vertx, () -> limiter.hit(key, 3, WINDOW));
        clock.set(Instant.parse("2033-05-01T11:30:00Z"));
        OnVertx.await(vertx, () -> limiter.hit(key, 3, WINDOW));
        assertEquals("0", OwnerSql.queryString("select count(*) from rate_limit_window where key_hash like '%203.0.113%'"));
        String hash = protector.lookupHash("rate-limit:" + WINDOW.toMillis() + ":" + key);
        assertEquals("2", OwnerSql.queryString("select count(*) from rate_limit_window where key_hash = '" + hash + "'"));

        // 11:30: the 10:00 window ended at 11:00, the 11:00 one is current
        assertTrue(OnVertx.await(vertx, limiter::purge) >= 1);
        assertEquals("2033-05-01 11:00", OwnerSql.queryString("select to_char(window_start at time zone 'UTC', "
                + "'YYYY-MM-DD HH24:MI') from rate_limit_window where key_hash = '" + hash + "'"));
        // a second instance purging the same moment finds nothing of it left to do, and fails nothing
        OnVertx.await(vertx, limiter::purge);
        assertEquals("1", OwnerSql.queryString("select count(*) from rate_limit_window where key_hash = '" + hash + "'"));
    }

    /** A pool of its own, as the application role, like a second instance's. */
    private io.vertx.sqlclient.Pool pool(String name) {
        return AppRolePool.open(vertx, "rate-limit-test-" + name, 4);
    }
}
