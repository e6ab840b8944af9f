package io.onestop.assistance.access;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
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

    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> record(Mutiny.Session session, Entry entry) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return session.createNativeQuery("select pg_advisory_xact_lock(" + CHAIN_LOCK + ")").getSingleResult()
                .chain(ignored -> session.createNativeQuery("""
                        insert into audit_event (occurred_at, subject, role, action, object_type, object_id, result,
                                                 reason, previous_hash, hash)
                        select ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, prev.hash, %s
                        from (select coalesce((select hash from audit_event order by id desc limit 1), repeat('0', 64)) as hash) prev"""
                                .formatted(HASH.formatted("prev.hash", "cast(?1 as timestamptz)", "cast(?2 as text)",
                                        "cast(?3 as text)", "cast(?4 as text)", "cast(?5 as text)", "cast(?6 as text)",
                                        "cast(?7 as text)", "cast(?8 as text)")))
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
