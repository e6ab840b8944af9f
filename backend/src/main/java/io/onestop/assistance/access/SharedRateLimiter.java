package io.onestop.assistance.access;

import io.onestop.assistance.common.StartupChecks;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Fixed-window counters in PostgreSQL ({@code rate_limit_window}), shared by every backend instance, for the limits
 * that guard secrets and people's phones (the no-account status query): counted in one instance's memory they would
 * multiply with the replicas. One atomic {@code INSERT ... ON CONFLICT DO UPDATE ... RETURNING} per check, on its
 * own connection and outside any transaction, so two instances counting the same key at once both see the other's
 * hit. Keys are stored as keyed hashes only. Windows are aligned to the epoch on the service clock, so tests can
 * move into a window of their own. The anonymous screening limit stays in memory (see {@code ScreeningRateLimiter}):
 * it would cost a database write per screening, for a limit whose only risk is CPU load.
 */
@ApplicationScoped
public class SharedRateLimiter {

    private static final String HIT = """
            insert into rate_limit_window (key_hash, window_start, hits, expires_at)
            values ($1, $2, 1, $3)
            on conflict (key_hash, window_start) do update set hits = rate_limit_window.hits + 1
            returning hits""";

    private final Pool pool;
    private final PersonalDataProtector protector;
    private final Clock clock;

    public SharedRateLimiter(Pool pool, PersonalDataProtector protector, Clock clock) {
        this.pool = pool;
        this.protector = protector;
        this.clock = clock;
    }

    /**
     * Counts one hit of {@code key} (say {@code status-query:address:203.0.113.7}) in the current window.
     *
     * @return 0 when the hit is within {@code limit}, else the whole seconds until the window that refused it ends
     */
    public Uni<Long> hit(String key, int limit, Duration window) {
        if (limit < 1 || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("a rate limit and its window must be positive");
        }
        long windowMillis = window.toMillis();
        long now = clock.millis();
        long index = now / windowMillis;
        OffsetDateTime start = OffsetDateTime.ofInstant(Instant.ofEpochMilli(index * windowMillis), ZoneOffset.UTC);
        // the window length is part of the key: one key counted in two window sizes are two counters
        String keyHash = protector.lookupHash("rate-limit:" + windowMillis + ":" + key);
        return pool.preparedQuery(HIT).execute(Tuple.of(keyHash, start, start.plus(window)))
                .map(rows -> {
                    int hits = rows.iterator().next().getInteger(0);
                    return hits <= limit ? 0L : Math.max(1, ((index + 1) * windowMillis - now + 999) / 1000);
                });
    }

    /**
     * Deletes the windows that have ended. Every instance runs it; two deleting the same rows at once is harmless (the
     * second finds them gone), and a current window is never touched.
     */
    @Scheduled(every = "${assistance.rate-limit.purge-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = StartupChecks.UntilStarted.class)
    Uni<Void> purgeEnded() {
        return purge().replaceWithVoid();
    }

    /** The purge itself: how many ended windows it deleted. */
    public Uni<Integer> purge() {
        return pool.preparedQuery("delete from rate_limit_window where expires_at < $1")
                .execute(Tuple.of(OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC)))
                .map(rows -> rows.rowCount());
    }
}
