package io.onestop.assistance.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OnVertx;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The audit chain against the real PostgreSQL: append-only, and tampering is found. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class AuditLogTest {

    @Inject
    AuditLog audit;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    private long record(String objectId) {
        OnVertx.await(vertx, () -> Panache.withTransaction(() -> Panache.getSession().chain(session -> audit.record(session,
                new AuditLog.Entry("subject-1", "caseworker", "DOCUMENT_VIEWED", "DOCUMENT", objectId, "ALLOWED", "核对材料")))));
        return OnVertx.await(vertx, () -> pool.query("select max(id) from audit_event").execute()
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    private Long firstBrokenLink() {
        return OnVertx.await(vertx, () -> Panache.withSession(() -> Panache.getSession().chain(audit::firstBrokenLink)));
    }

    @Test
    void refusesUpdatesAndDeletes() {
        long id = record(UUID.randomUUID().toString());
        RuntimeException update = assertThrows(RuntimeException.class, () -> OnVertx.await(vertx,
                () -> pool.query("update audit_event set result = 'DENIED' where id = " + id).execute()));
        assertTrue(update.getMessage().contains("append-only"));
        assertThrows(RuntimeException.class, () -> OnVertx.await(vertx,
                () -> pool.query("delete from audit_event where id = " + id).execute()));
    }

    @Test
    void findsTheFirstTamperedRowAndNothingWhenIntact() {
        record(UUID.randomUUID().toString());
        long tampered = record(UUID.randomUUID().toString());
        record(UUID.randomUUID().toString());
        assertNull(firstBrokenLink());

        String edit = "alter table audit_event disable trigger audit_event_append_only; "
                + "update audit_event set result = '%s' where id = " + tampered + "; "
                + "alter table audit_event enable trigger audit_event_append_only";
        OnVertx.await(vertx, () -> pool.query(edit.formatted("DENIED")).execute());
        try {
            assertEquals(tampered, firstBrokenLink());
        } finally {
            OnVertx.await(vertx, () -> pool.query(edit.formatted("ALLOWED")).execute());
        }
        assertNull(firstBrokenLink());
    }
}
