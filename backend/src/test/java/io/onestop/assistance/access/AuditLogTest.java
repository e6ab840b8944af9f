package io.onestop.assistance.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.testing.LocalStack;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OnVertx;
import io.onestop.assistance.testing.OwnerSql;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The audit log against the real PostgreSQL: append-only, writers do not wait for each other, the sealer chains every
 * event, and tampering (an edited, re-hashed or slipped-in event) is found by the backend and by infra/bin/audit-verify.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class AuditLogTest {

    @Inject
    AuditLog audit;

    @Inject
    AuditSealer sealer;

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

    private int seal() {
        return OnVertx.await(vertx, () -> sealer.sealPending());
    }

    private Long firstBrokenLink() {
        return OnVertx.await(vertx, () -> Panache.withSession(() -> Panache.getSession().chain(audit::firstBrokenLink)));
    }

    /** The application's role has no UPDATE, DELETE or TRUNCATE grant on the log, nor may it drop its trigger. */
    @Test
    void theApplicationRoleCannotChangeOrRemoveAuditRows() {
        long id = record(UUID.randomUUID().toString());
        for (String sql : new String[] {"update audit_event set result = 'DENIED' where id = " + id,
                "delete from audit_event where id = " + id, "truncate audit_event",
                "alter table audit_event disable trigger audit_event_append_only"}) {
            RuntimeException refused = assertThrows(RuntimeException.class, () -> OnVertx.await(vertx, () -> pool.query(sql).execute()));
            assertTrue(refused.getMessage().contains("permission denied") || refused.getMessage().contains("must be owner"),
                    refused.getMessage());
        }
    }

    /** Even the owner cannot edit rows while the trigger stands. */
    @Test
    void theOwnerIsRefusedByTheAppendOnlyTrigger() {
        long id = record(UUID.randomUUID().toString());
        IllegalStateException update = assertThrows(IllegalStateException.class,
                () -> OwnerSql.run("update audit_event set result = 'DENIED' where id = " + id));
        assertTrue(update.getMessage().contains("append-only"), update.getMessage());
        assertThrows(IllegalStateException.class, () -> OwnerSql.run("delete from audit_event where id = " + id));
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
        OwnerSql.run(edit.formatted("DENIED")); // a tamperer with the owner's password
        try {
            assertEquals(tampered, firstBrokenLink());
        } finally {
            OwnerSql.run(edit.formatted("ALLOWED"));
        }
        assertNull(firstBrokenLink());
    }

    /** infra/bin/audit-verify recomputes the chain outside the backend (psql + Node) and agrees with it. */
    @Test
    void theVerifierCommandFindsTheTamperedRow() throws Exception {
        long tampered = record(UUID.randomUUID().toString());
        record(UUID.randomUUID().toString());
        assertTrue(verifierSays().startsWith("INTACT"));
        String edit = "alter table audit_event disable trigger audit_event_append_only; "
                + "update audit_event set reason = %s where id = " + tampered + "; "
                + "alter table audit_event enable trigger audit_event_append_only";
        OwnerSql.run(edit.formatted("'改过的原因'"));
        try {
            assertEquals("BROKEN at audit_event " + tampered + ": this row was changed", verifierSays());
        } finally {
            OwnerSql.run(edit.formatted("'核对材料'"));
        }
        assertTrue(verifierSays().startsWith("INTACT"));
    }

    /** An audited write no longer waits for another transaction that has written an audit row and not committed. */
    @Test
    void writersDoNotWaitForEachOther() {
        AuditLog.Entry entry = new AuditLog.Entry("subject-1", "caseworker", "DOCUMENT_VIEWED", "DOCUMENT", "concurrent",
                "ALLOWED", null);
        java.util.List<Long> took = OnVertx.awaitAll(vertx, java.util.List.of(
                () -> Panache.withTransaction(() -> Panache.getSession().chain(session -> audit.record(session, entry))
                        .chain(() -> Uni.createFrom().item(0L).onItem().delayIt().by(java.time.Duration.ofSeconds(3)))),
                () -> Uni.createFrom().item(0L).onItem().delayIt().by(java.time.Duration.ofMillis(300))
                        .chain(() -> {
                            long start = System.nanoTime();
                            return audit.recordAlone(entry).map(ignored -> (System.nanoTime() - start) / 1_000_000);
                        })));
        assertTrue(took.get(1) < 1500, "the second write waited " + took.get(1) + " ms");
    }

    /** Every event gets a seal; the seal chain finds an event whose fields and own hash were both rewritten. */
    @Test
    void theSealChainFindsAReHashedRow() throws Exception {
        long tampered = record(UUID.randomUUID().toString());
        seal();
        assertEquals("1", OwnerSql.queryString("select count(*) from audit_seal where event_id = " + tampered));
        assertNull(firstBrokenLink());
        String rehash = "alter table audit_event disable trigger audit_event_append_only; "
                + "update audit_event set result = '%s', hash = encode(sha256(convert_to(concat_ws('|', previous_hash, "
                + "to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), subject, role, action, "
                + "object_type, object_id, '%1$s', reason), 'UTF8')), 'hex') where id = " + tampered + "; "
                + "alter table audit_event enable trigger audit_event_append_only";
        OwnerSql.run(rehash.formatted("DENIED"));
        try {
            assertEquals(tampered, firstBrokenLink());
            assertEquals("BROKEN at audit_event " + tampered + ": this row was re-hashed", verifierSays());
        } finally {
            OwnerSql.run(rehash.formatted("ALLOWED"));
        }
        assertNull(firstBrokenLink());
    }

    /** An event slipped in where the sealer does not look (a made-up old id) is reported once it is past the grace. */
    @Test
    void anUnsealedOldEventBreaksTheLog() throws Exception {
        long slipped = -1_000_000_000_000L - (System.nanoTime() % 1_000_000);
        OwnerSql.run("""
                insert into audit_event (id, occurred_at, subject, role, action, object_type, object_id, result, hash, recorded_at)
                values (%d, now(), 'subject-1', 'caseworker', 'DOCUMENT_VIEWED', 'DOCUMENT', 'x', 'ALLOWED', 'h', now() - interval '1 hour')"""
                .formatted(slipped));
        try {
            seal();
            assertEquals(slipped, firstBrokenLink());
            assertTrue(verifierSays().startsWith("BROKEN at audit_event " + slipped + ": "));
        } finally {
            OwnerSql.run("alter table audit_event disable trigger audit_event_append_only; delete from audit_event where id = "
                    + slipped + "; alter table audit_event enable trigger audit_event_append_only");
        }
        assertNull(firstBrokenLink());
    }

    /** The application's role cannot change or remove seals either. */
    @Test
    void theApplicationRoleCannotChangeOrRemoveSeals() {
        record(UUID.randomUUID().toString());
        seal();
        for (String sql : new String[] {"update audit_seal set hash = previous_hash", "delete from audit_seal",
                "truncate audit_seal"}) {
            RuntimeException refused = assertThrows(RuntimeException.class, () -> OnVertx.await(vertx, () -> pool.query(sql).execute()));
            assertTrue(refused.getMessage().contains("permission denied"), refused.getMessage());
        }
    }

    private static String verifierSays() throws Exception {
        Process process = new ProcessBuilder("bash", LocalStack.projectRoot().resolve("infra/bin/audit-verify").toString(),
                "--db", LocalStack.get("PG_TEST_DB")).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(out.startsWith("INTACT") ? 0 : 1, process.exitValue(), out);
        return out;
    }
}
