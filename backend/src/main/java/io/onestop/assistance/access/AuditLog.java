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
 * Writes audit rows in the caller's transaction, each with a hash over its own fields only; AuditSealer chains them
 * afterwards in audit_seal (V13). Writers never wait for each other: the old chain-on-write took a global lock on
 * every audited write. Fields never hold personal data in clear: objects are named by id, people by their token subject.
 */
@ApplicationScoped
public class AuditLog {

    /**
     * The row hash, one SQL expression for writing and verifying, over {@code prior} and the row's own columns.
     * Rows written since V13 have no prior (concat_ws leaves the null out); older rows keep their chained prior.
     */
    static final String HASH = """
            encode(sha256(convert_to(concat_ws('|', %s,
                to_char(%s at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
                %s, %s, %s, %s, %s, %s, %s), 'UTF8')), 'hex')""";

    /** A seal's hash over the previous seal's hash, the event id and the event's hash (AuditSealer, verification). */
    static final String SEAL_HASH = "encode(sha256(convert_to(concat_ws('|', %s, %s, %s), 'UTF8')), 'hex')";

    /** One audited event. {@code reason} is the caller's stated reason or call reference, if any. */
    public record Entry(String subject, String role, String action, String objectType, String objectId,
            String result, String reason) {
    }

    /** The insert; ?n placeholders for Hibernate, $n for the plain SQL client (typed once, used twice). */
    private static String insert(String mark) {
        return """
                insert into audit_event (occurred_at, subject, role, action, object_type, object_id, result, reason, hash)
                select cast(%1$s1 as timestamptz), cast(%1$s2 as text), cast(%1$s3 as text), cast(%1$s4 as text),
                       cast(%1$s5 as text), cast(%1$s6 as text), cast(%1$s7 as text), cast(%1$s8 as text), %2$s"""
                .formatted(mark, HASH.formatted("null", "cast(%s1 as timestamptz)".formatted(mark),
                        "cast(%s2 as text)".formatted(mark), "cast(%s3 as text)".formatted(mark),
                        "cast(%s4 as text)".formatted(mark), "cast(%s5 as text)".formatted(mark),
                        "cast(%s6 as text)".formatted(mark), "cast(%s7 as text)".formatted(mark),
                        "cast(%s8 as text)".formatted(mark)));
    }

    private static final String INSERT_HIBERNATE = insert("?");
    private static final String INSERT_CLIENT = insert("$");

    private final Clock clock;
    private final Pool pool;
    private final AuditConfig config;

    public AuditLog(Clock clock, Pool pool, AuditConfig config) {
        this.clock = clock;
        this.pool = pool;
        this.config = config;
    }

    /**
     * Records in a statement of its own, for what has to be kept although the request fails: a refusal (the
     * caller's transaction, if any, rolls back with the 403 or 404 it ends in).
     */
    public Uni<Void> recordAlone(Entry entry) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return pool.preparedQuery(INSERT_CLIENT).execute(Tuple.from(java.util.Arrays.asList(now,
                        entry.subject(), entry.role(), entry.action(), entry.objectType(), entry.objectId(), entry.result(),
                        entry.reason())))
                .replaceWithVoid();
    }

    public Uni<Void> record(Mutiny.Session session, Entry entry) {
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return session.createNativeQuery(INSERT_HIBERNATE)
                .setParameter(1, now)
                .setParameter(2, entry.subject())
                .setParameter(3, entry.role())
                .setParameter(4, entry.action())
                .setParameter(5, entry.objectType())
                .setParameter(6, entry.objectId())
                .setParameter(7, entry.result())
                .setParameter(8, entry.reason())
                .executeUpdate()
                .replaceWithVoid();
    }

    /**
     * Checks the log in one pass; answers the smallest event id that was changed (its hash no longer matches its
     * fields), whose seal does not follow from the seal before it or from the event (re-hashed, removed or
     * reordered), or that is older than the grace period and still unsealed (slipped in past the sealer); null when
     * intact. Removing only the newest seals leaves no trace in a chain by itself; that needs the newest seal hash
     * kept somewhere else as well.
     */
    public Uni<Long> firstBrokenLink(Mutiny.Session session) {
        return session.createNativeQuery("""
                        select min(id) from (
                          select id from audit_event
                          where hash <> %s
                          union all
                          select event_id from (
                            select s.event_id, s.hash, s.previous_hash, e.id as found,
                                   lag(s.hash, 1, repeat('0', 64)) over (order by s.id) as prior,
                                   %s as expected
                            from audit_seal s left join audit_event e on e.id = s.event_id) chain
                          where found is null or previous_hash <> prior or hash <> expected
                          union all
                          select e.id from audit_event e
                          where e.recorded_at < now() - cast(?1 as bigint) * interval '1 millisecond'
                            and not exists (select 1 from audit_seal s where s.event_id = e.id)) broken""".formatted(
                        HASH.formatted("previous_hash", "occurred_at", "subject", "role", "action", "object_type",
                                "object_id", "result", "reason"),
                        SEAL_HASH.formatted("lag(s.hash, 1, repeat('0', 64)) over (order by s.id)", "s.event_id", "e.hash")),
                        Long.class)
                .setParameter(1, config.sealGrace().toMillis())
                .getSingleResult();
    }
}
