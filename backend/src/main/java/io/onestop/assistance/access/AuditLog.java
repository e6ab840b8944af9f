package io.onestop.assistance.access;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes audit rows in the caller's transaction, chained by hash: hash = sha256(previous hash | fields). The
 * transaction-scoped advisory lock serializes writers, so the chain never forks, even across instances. Fields
 * never hold personal data in clear: objects are named by id, people by their token subject.
 */
@ApplicationScoped
public class AuditLog {

    /** Arbitrary constant naming the chain's lock. */
    private static final long CHAIN_LOCK = 7_310_001L;

    /** The row hash, one SQL expression for writing and verifying, over {@code prior} and the row's own columns. */
    private static final String HASH = """
            encode(sha256(convert_to(concat_ws('|', %s,
                to_char(%s at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                %s, %s, %s, %s, %s, %s, %s), 'UTF8')), 'hex')""";

    /** One audited event. {@code reason} is the caller's stated reason or call reference, if any. */
    public record Entry(String subject, String role, String action, String objectType, String objectId,
            String result, String reason) {
    }

    /** The chained insert; ?n placeholders for Hibernate, $n for the plain SQL client (typed once, used twice). */
    private static String insert(String mark) {
        return """
                insert into audit_event (occurred_at, subject, role, action, object_type, object_id, result,
                                         reason, previous_hash, hash)
                select cast(%1$s1 as timestamptz), cast(%1$s2 as text), cast(%1$s3 as text), cast(%1$s4 as text),
                       cast(%1$s5 as text), cast(%1$s6 as text), cast(%1$s7 as text), cast(%1$s8 as text), prev.hash, %2$s
                from (select coalesce((select hash from audit_event order by id desc limit 1), repeat('0', 64)) as hash) prev"""
                .formatted(mark, HASH.formatted("prev.hash", "cast(%s1 as timestamptz)".formatted(mark),
                        "cast(%s2 as text)".formatted(mark), "cast(%s3 as text)".formatted(mark),
                        "cast(%s4 as text)".formatted(mark), "cast(%s5 as text)".formatted(mark),
                        "cast(%s6 as text)".formatted(mark), "cast(%s7 as text)".formatted(mark),
                        "cast(%s8 as text)".formatted(mark)));
    }

    private final Clock clock;
    private final Pool pool;

    public AuditLog(Clock clock, Pool pool) {
        this.clock = clock;
        this.pool = pool;
    }

    /**
     * Records in a transaction of its own, for what has to be kept although the request fails: a refusal (the
     * caller's transaction, if any, rolls back with the 403 or 404 it ends in).
     */
    public Uni<Void> recordAlone(Entry entry) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return pool.withTransaction(connection -> connection.query("select pg_advisory_xact_lock(" + CHAIN_LOCK + ")").execute()
                .chain(() -> connection.preparedQuery(insert("$")).execute(Tuple.from(java.util.Arrays.asList(now,
                        entry.subject(), entry.role(), entry.action(), entry.objectType(), entry.objectId(), entry.result(),
                        entry.reason())))))
                .replaceWithVoid();
    }

    public Uni<Void> record(Mutiny.Session session, Entry entry) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return session.createNativeQuery("select pg_advisory_xact_lock(" + CHAIN_LOCK + ")").getSingleResult()
                .chain(ignored -> session.createNativeQuery(insert("?"))
                        .setParameter(1, now)
                        .setParameter(2, entry.subject())
                        .setParameter(3, entry.role())
                        .setParameter(4, entry.action())
                        .setParameter(5, entry.objectType())
                        .setParameter(6, entry.objectId())
                        .setParameter(7, entry.result())
                        .setParameter(8, entry.reason())
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Recomputes the chain in one pass; answers the id of the first row that was changed, or that follows a removed
     * row, or null when the log is intact. Removing only the newest rows leaves no trace in a chain by itself; that needs
     * the newest hash kept somewhere else as well.
     */
    public Uni<Long> firstBrokenLink(Mutiny.Session session) {
        return session.createNativeQuery("""
                        select min(id) from (
                          select id, hash, previous_hash,
                                 lag(hash, 1, repeat('0', 64)) over (order by id) as prior, %s as expected
                          from audit_event) chain
                        where previous_hash <> prior or hash <> expected""".formatted(HASH.formatted(
                        "previous_hash", "occurred_at", "subject", "role", "action", "object_type", "object_id",
                        "result", "reason")), Long.class)
                .getSingleResult();
    }
}
