package io.onestop.assistance.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Transactional outbox: events are rows written in the caller's transaction, so a change and its notification
 * commit together; delivery reads them later (FOR UPDATE SKIP LOCKED, safe with several instances).
 */
@ApplicationScoped
public class OutboxWriter {

    private final ObjectMapper mapper;
    private final Clock clock;

    public OutboxWriter(ObjectMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    public Uni<Void> append(Mutiny.Session session, String aggregateType, UUID aggregateId, String eventType, Object payload) {
        return session.createNativeQuery("""
                        insert into outbox_event (aggregate_type, aggregate_id, event_type, payload, created_at)
                        values (?1, ?2, ?3, cast(cast(?4 as text) as jsonb), ?5)""")
                .setParameter(1, aggregateType)
                .setParameter(2, aggregateId)
                .setParameter(3, eventType)
                .setParameter(4, mapper.valueToTree(payload).toString())
                .setParameter(5, OffsetDateTime.now(clock))
                .executeUpdate()
                .replaceWithVoid();
    }
}
