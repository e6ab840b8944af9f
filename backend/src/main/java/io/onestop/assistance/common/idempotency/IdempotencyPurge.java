package io.onestop.assistance.common.idempotency;

import io.onestop.assistance.common.StartupChecks;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Deletes idempotency records older than {@link IdempotencyConfig#retention()}, so the table stays bounded (the
 * records keep the whole first answer). Every instance runs it: each statement takes at most {@code purge-batch}
 * expired rows with {@code FOR UPDATE SKIP LOCKED} and deletes them in its own short transaction, so instances
 * purging at once take disjoint rows and never wait for one another, and a request touching a row being purged
 * waits a few milliseconds at most. The rows are found by {@code idempotency_record_created_idx} (V14), not by a scan.
 */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    // ctid = any(array(...)): a TID lookup of exactly the rows the sub-select locked
    private static final String BATCH = """
            delete from idempotency_record where ctid = any(array(
                select ctid from idempotency_record where created_at < $1 limit $2 for update skip locked))""";

    private final Pool pool;
    private final Clock clock;
    private final Duration keep;
    private final int batch;

    public IdempotencyPurge(Pool pool, Clock clock, IdempotencyConfig config) {
        if (config.purgeBatch() < 1) {
            throw new IllegalArgumentException("assistance.idempotency.purge-batch must be positive");
        }
        this.pool = pool;
        this.clock = clock;
        // a record younger than abandoned-after may be a live claim: removing it would let a retry do the work twice
        this.keep = config.retention().compareTo(config.abandonedAfter()) > 0 ? config.retention() : config.abandonedAfter();
        this.batch = config.purgeBatch();
    }

    @Scheduled(every = "${assistance.idempotency.purge-every}", delayed = "2m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = StartupChecks.UntilStarted.class)
    Uni<Void> scheduled() {
        return purge().invoke(deleted -> {
            if (deleted > 0) {
                LOG.infof("Purged %d idempotency records older than %s", deleted, keep);
            }
        }).replaceWithVoid();
    }

    /** Deletes every record older than the retention, a batch at a time; answers how many this call deleted. */
    public Uni<Integer> purge() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).minus(keep);
        // a stream of batches rather than recursion: a backlog of thousands of batches must not grow the stack
        return Multi.createBy().repeating()
                .uni(() -> pool.preparedQuery(BATCH).execute(Tuple.of(cutoff, batch)).map(rows -> rows.rowCount()))
                .whilst(deleted -> deleted == batch)
                .collect().with(Collectors.summingInt(Integer::intValue));
    }
}
