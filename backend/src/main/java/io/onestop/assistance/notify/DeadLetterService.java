package io.onestop.assistance.notify;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Outbox events that could not be delivered after every try, for administrators: counts per event type and the
 * events by id, with the reason of the last failure. No personal data: no owner, phone, name or message text (the
 * payload is not shown); the intake is named by its id only.
 */
@ApplicationScoped
public class DeadLetterService {

    public record DeadLetter(long id, String eventType, String aggregateType, UUID aggregateId, int attempts,
            OffsetDateTime createdAt, OffsetDateTime deadAt, String lastError) {
    }

    public record Count(String eventType, long count) {
    }

    public record DeadLetters(long total, List<Count> byEventType, List<DeadLetter> items, String next) {
    }

    private final Pool pool;

    public DeadLetterService(Pool pool) {
        this.pool = pool;
    }

    public Uni<DeadLetters> list(Long before, int size) {
        Uni<List<Count>> counts = pool.query("""
                        select event_type, count(*) from outbox_event where dead_at is not null
                        group by event_type order by event_type""").execute()
                .map(rows -> {
                    List<Count> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new Count(row.getString(0), row.getLong(1))));
                    return list;
                });
        return counts.chain(byType -> pool.preparedQuery("""
                        select id, event_type, aggregate_type, aggregate_id, attempts, created_at, dead_at, last_error
                        from outbox_event where dead_at is not null and ($1::bigint is null or id < $1)
                        order by id desc limit $2""")
                .execute(Tuple.of(before, size + 1))
                .map(rows -> {
                    List<DeadLetter> items = new ArrayList<>();
                    for (Row row : rows) {
                        items.add(new DeadLetter(row.getLong("id"), row.getString("event_type"),
                                row.getString("aggregate_type"), row.getUUID("aggregate_id"), row.getInteger("attempts"),
                                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("dead_at"),
                                row.getString("last_error")));
                    }
                    String next = items.size() > size ? String.valueOf(items.get(size - 1).id()) : null;
                    return new DeadLetters(byType.stream().mapToLong(Count::count).sum(), byType,
                            List.copyOf(items.size() > size ? items.subList(0, size) : items), next);
                }));
    }

    /**
     * Puts a dead event back in the queue with fresh tries (after the provider is fixed). Channels that already
     * reached the resident are not repeated; false when the event is not dead (or does not exist).
     */
    public Uni<Boolean> retry(long id) {
        return pool.preparedQuery("""
                        update outbox_event set dead_at = null, attempts = 0, next_attempt_at = null, claimed_until = null
                        where id = $1 and dead_at is not null""")
                .execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 1);
    }
}
