package io.onestop.assistance.access;

import io.onestop.assistance.common.StartupChecks;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Appends a seal for every committed audit event that has none, chained in seal order (V13). Safe with several
 * instances: a run takes a transaction-scoped advisory lock with try, so at most one instance seals at a time and the
 * others skip that tick instead of queueing. Requests never take this lock.
 */
@ApplicationScoped
public class AuditSealer {

    /** Arbitrary constant naming the sealer's lock (the number the chain-on-write used before V13). */
    private static final long SEAL_LOCK = 7_310_001L;
    private static final String ZEROS = "0".repeat(64);

    private final Pool pool;
    private final AuditConfig config;

    public AuditSealer(Pool pool, AuditConfig config) {
        this.pool = pool;
        this.config = config;
    }

    @Scheduled(every = "${assistance.audit.seal-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = StartupChecks.UntilStarted.class)
    Uni<Void> onTick() {
        return sealPending().replaceWithVoid();
    }

    /** Seals what is committed now; answers how many seals were appended (0 also when another instance holds the lock). */
    public Uni<Integer> sealPending() {
        return sealBatch().chain(sealed -> sealed < config.sealBatch()
                ? Uni.createFrom().item(sealed)
                : sealPending().map(more -> sealed + more));
    }

    private Uni<Integer> sealBatch() {
        return pool.withTransaction(connection -> connection.query("select pg_try_advisory_xact_lock(" + SEAL_LOCK + ")")
                .execute()
                .chain(locked -> locked.iterator().next().getBoolean(0) ? seal(connection) : Uni.createFrom().item(0)));
    }

    private Uni<Integer> seal(SqlConnection connection) {
        return connection.preparedQuery("""
                        select (select hash from audit_seal order by id desc limit 1) as prior, e.id, e.hash
                        from audit_event e
                        where e.id > coalesce((select max(event_id) from audit_seal), 0) - $1
                          and not exists (select 1 from audit_seal s where s.event_id = e.id)
                        order by e.id
                        limit $2""")
                .execute(Tuple.of(config.sealLookback(), config.sealBatch()))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    List<Long> ids = new ArrayList<>();
                    List<String> priors = new ArrayList<>();
                    List<String> hashes = new ArrayList<>();
                    String prior = null;
                    for (Row row : rows) {
                        if (prior == null) {
                            prior = row.getString("prior") == null ? ZEROS : row.getString("prior");
                        }
                        long id = row.getLong("id");
                        String hash = sealHash(prior, id, row.getString("hash"));
                        ids.add(id);
                        priors.add(prior);
                        hashes.add(hash);
                        prior = hash;
                    }
                    // one statement; seal ids follow the array order (ordinality), which is the chain order
                    return connection.preparedQuery("""
                                    insert into audit_seal (event_id, previous_hash, hash)
                                    select e, p, h from unnest($1::bigint[], $2::text[], $3::text[]) with ordinality as u(e, p, h, n)
                                    order by n""")
                            .execute(Tuple.of(ids.toArray(Long[]::new), priors.toArray(String[]::new), hashes.toArray(String[]::new)))
                            .map(ignored -> ids.size());
                });
    }

    /** sha256(prior | event id | event hash) in hex, as {@link AuditLog#SEAL_HASH} computes it in SQL. */
    static String sealHash(String prior, long eventId, String eventHash) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((prior + "|" + eventId + "|" + eventHash).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
