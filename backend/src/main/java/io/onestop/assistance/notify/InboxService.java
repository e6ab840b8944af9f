package io.onestop.assistance.notify;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import jakarta.enterprise.context.ApplicationScoped;

/** The resident's in-app inbox: every message about their applications, newest first. */
@ApplicationScoped
public class InboxService {

    public record InboxMessage(long id, String kind, String title, String body, UUID intakeId, OffsetDateTime createdAt,
            OffsetDateTime readAt) {
    }

    /** A page; {@code next} is the cursor of the following page, null on the last. */
    public record Page(List<InboxMessage> items, long unread, String next) {
    }

    private final Pool pool;
    private final Clock clock;

    public InboxService(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<Page> page(String ownerKey, Long before, int size) {
        return pool.preparedQuery("""
                        select id, kind, title, body, intake_id, created_at, read_at from inbox_message
                        where owner_key = $1 and ($2::bigint is null or id < $2) order by id desc limit $3""")
                .execute(Tuple.of(ownerKey, before, size + 1))
                .chain(rows -> {
                    List<InboxMessage> items = new ArrayList<>();
                    for (Row row : rows) {
                        items.add(new InboxMessage(row.getLong("id"), row.getString("kind"), row.getString("title"),
                                row.getString("body"), row.getUUID("intake_id"), row.getOffsetDateTime("created_at"),
                                row.getOffsetDateTime("read_at")));
                    }
                    String next = items.size() > size ? String.valueOf(items.get(size - 1).id()) : null;
                    List<InboxMessage> page = items.size() > size ? items.subList(0, size) : items;
                    return pool.preparedQuery("select count(*) from inbox_message where owner_key = $1 and read_at is null")
                            .execute(Tuple.of(ownerKey))
                            .map(count -> new Page(List.copyOf(page), count.iterator().next().getLong(0), next));
                });
    }

    /** Marks one of the owner's messages read (again: no change); false when it is not theirs or does not exist. */
    public Uni<Boolean> markRead(String ownerKey, long id) {
        return pool.preparedQuery("""
                        update inbox_message set read_at = coalesce(read_at, $3) where id = $1 and owner_key = $2""")
                .execute(Tuple.of(id, ownerKey, OffsetDateTime.now(clock)))
                .map(rows -> rows.rowCount() == 1);
    }
}
