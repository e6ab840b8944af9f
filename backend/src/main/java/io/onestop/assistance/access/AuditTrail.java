package io.onestop.assistance.access;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;

/** The auditor's read side of the {@link AuditLog}: newest first, filtered, and the chain check. */
@ApplicationScoped
public class AuditTrail {

    public record Event(long id, OffsetDateTime occurredAt, String subject, String role, String action, String objectType,
            String objectId, String result, String reason, String hash) {
    }

    public record Page(List<Event> items, String next) {
    }

    public record Filter(String subject, String action, String objectType, String objectId, OffsetDateTime from,
            OffsetDateTime to, Long before, int limit) {
    }

    /**
     * {@code intact} with the newest seal's hash (keep it elsewhere to detect removal of the newest seals too);
     * {@code unsealed}: events within the grace period that the sealer has not reached yet.
     */
    public record Verification(boolean intact, Long firstBrokenId, long rows, long unsealed, String newestHash) {
    }

    private final AuditLog log;
    private final AuditSealer sealer;

    public AuditTrail(AuditLog log, AuditSealer sealer) {
        this.log = log;
        this.sealer = sealer;
    }

    @WithSession
    public Uni<Page> page(Filter filter) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        select id, occurred_at, subject, role, action, object_type, object_id, result, reason, hash
                        from audit_event
                        where (cast(?1 as text) is null or subject = ?1)
                          and (cast(?2 as text) is null or action = ?2)
                          and (cast(?3 as text) is null or object_type = ?3)
                          and (cast(?4 as text) is null or object_id = ?4)
                          and (cast(?5 as timestamptz) is null or occurred_at >= ?5)
                          and (cast(?6 as timestamptz) is null or occurred_at < ?6)
                          and (cast(?7 as bigint) is null or id < ?7)
                        order by id desc limit ?8""", Object[].class)
                .setParameter(1, filter.subject())
                .setParameter(2, filter.action())
                .setParameter(3, filter.objectType())
                .setParameter(4, filter.objectId())
                .setParameter(5, filter.from())
                .setParameter(6, filter.to())
                .setParameter(7, filter.before())
                .setParameter(8, filter.limit())
                .getResultList())
                .map(rows -> {
                    List<Event> events = rows.stream().map(r -> new Event(((Number) r[0]).longValue(), (OffsetDateTime) r[1],
                            (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String) r[6], (String) r[7],
                            (String) r[8], (String) r[9])).toList();
                    String next = events.size() < filter.limit() ? null : Long.toString(events.get(events.size() - 1).id());
                    return new Page(events, next);
                });
    }

    /** Seals what is committed first (so the answer does not wait for the sealer's next tick), then checks. */
    public Uni<Verification> verify() {
        return sealer.sealPending().chain(ignored -> Panache.withSession(() -> Panache.getSession().chain(session -> log.firstBrokenLink(session)
                .chain(broken -> session.createNativeQuery("""
                                select count(*),
                                       count(*) filter (where not exists (select 1 from audit_seal s where s.event_id = e.id)),
                                       (select hash from audit_seal order by id desc limit 1)
                                from audit_event e""", Object[].class)
                        .getSingleResult()
                        .map(r -> new Verification(broken == null, broken, ((Number) r[0]).longValue(),
                                ((Number) r[1]).longValue(), (String) r[2]))))));
    }
}
