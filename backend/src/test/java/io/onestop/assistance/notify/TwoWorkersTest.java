package io.onestop.assistance.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.notify.sms.SmsSender;
import io.onestop.assistance.notify.subscribe.SubscribeMessageSender;
import io.onestop.assistance.testing.AppRolePool;
import io.onestop.assistance.testing.LocalStack;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OnVertx;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Two delivery workers on one database, as two backend instances would run them: each has its own connection pool
 * (its own sessions, so the claims really compete in PostgreSQL) and its own worker id; this instance's scheduled
 * worker is off, so these two are the only ones. They deliver 1,000 outbox events at the same time; SQL and the SMS
 * provider then show every event claimed once and delivered once per channel.
 * <p>
 * Both workers live in this JVM (not two processes): the backend jar is packaged after the tests run, and what makes
 * two instances safe is the database claim, which two pools exercise the same way two processes would.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
@TestProfile(TwoWorkersTest.SchedulerOff.class)
class TwoWorkersTest {

    private static final int EVENTS = 1000;

    /** This instance's own worker off: only the two workers of the test deliver. */
    public static class SchedulerOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("assistance.notify.worker-enabled", "false");
        }
    }

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    SmsSender sms;

    @Inject
    SubscribeMessageSender subscribe;

    @Inject
    PersonalDataProtector protector;

    @Inject
    NotifyConfig config;

    @Inject
    Clock clock;

    @Test
    void twoWorkersDeliverAThousandEventsEachExactlyOncePerChannel() {
        String phone = NotifyFixtures.phone("");
        ExtractableResponse<Response> submitted = NotifyFixtures.submit(Tokens.newResident(), phone);
        String intakeId = submitted.path("id");
        String caseId = submitted.path("cases.find { it.program == 'MINIMUM_LIVING_ALLOWANCE' }.id");
        NotifyFixtures db = new NotifyFixtures(pool, vertx);
        Row range = db.row("""
                with added as (
                    insert into outbox_event (aggregate_type, aggregate_id, event_type, payload, created_at)
                    select 'PROGRAM_CASE', $1::uuid, 'CASE_STEP_CHANGED',
                           jsonb_build_object('caseId', $1::text, 'intakeId', $2::text,
                                              'program', 'MINIMUM_LIVING_ALLOWANCE', 'from', 'SUBMITTED', 'to', 'ACCEPTED'),
                           now()
                    from generate_series(1, $3) returning id)
                select min(id), max(id), count(*) from added""", caseId, intakeId, EVENTS);
        long first = range.getLong(0);
        long last = range.getLong(1);
        assertEquals(EVENTS, range.getLong(2));

        io.vertx.sqlclient.Pool poolA = pool("a");
        io.vertx.sqlclient.Pool poolB = pool("b");
        try {
            DeliveryWorker a = worker(Pool.newInstance(poolA), "test-worker-a");
            DeliveryWorker b = worker(Pool.newInstance(poolB), "test-worker-b");
            List<Supplier<Uni<Integer>>> both = List.of(() -> drain(a, 0), () -> drain(b, 0));
            List<Integer> handled = OnVertx.awaitAll(vertx, both);

            // every event claimed by exactly one worker, exactly once (a second claim would count a second try)
            assertEquals(EVENTS, db.count("""
                    select count(*) from outbox_event where id between $1 and $2
                      and delivered_at is not null and attempts = 1 and claimed_by in ('test-worker-a', 'test-worker-b')""",
                    first, last));
            // one inbox message and one SMS per event, nothing twice
            assertEquals(EVENTS, db.count("select count(*) from inbox_message where outbox_id between $1 and $2", first, last));
            assertEquals(0, db.count("""
                    select count(*) from (select outbox_id from inbox_message where outbox_id between $1 and $2
                                          group by outbox_id having count(*) > 1) twice""", first, last));
            for (String channel : List.of("INBOX", "SMS")) {
                assertEquals(EVENTS, db.count("""
                        select count(distinct outbox_id) from notification_delivery
                        where outbox_id between $1 and $2 and channel = $3 and state = 'SENT'""", first, last, channel));
            }
            assertEquals(2L * EVENTS, db.count(
                    "select count(*) from notification_delivery where outbox_id between $1 and $2", first, last));
            // the provider received exactly one text per event
            assertEquals(EVENTS, LocalStackResource.platform().smsTo(phone).stream().filter(t -> t.contains("已受理")).count());
            // and both workers took part
            Map<String, Long> perWorker = new HashMap<>();
            for (String worker : List.of("test-worker-a", "test-worker-b")) {
                perWorker.put(worker, db.count("""
                        select count(*) from notification_delivery
                        where outbox_id between $1 and $2 and channel = 'SMS' and worker = $3""", first, last, worker));
            }
            assertTrue(perWorker.values().stream().allMatch(n -> n > 0), "each worker delivered some: " + perWorker);
            assertEquals(EVENTS, perWorker.values().stream().mapToLong(Long::longValue).sum());
            assertTrue(handled.stream().mapToInt(Integer::intValue).sum() >= EVENTS, "handled " + handled);
        } finally {
            poolA.close();
            poolB.close();
        }
    }

    /** Claims batches until none is left for this worker; answers how many events it handled. */
    private static Uni<Integer> drain(DeliveryWorker worker, int handled) {
        return worker.deliverBatch().chain(count -> count == 0 ? Uni.createFrom().item(handled) : drain(worker, handled + count));
    }

    private DeliveryWorker worker(Pool workerPool, String id) {
        NotifyConfig small = new NotifyConfig() {
            @Override
            public boolean workerEnabled() {
                return true;
            }

            @Override
            public Duration every() {
                return config.every();
            }

            @Override
            public int batchSize() {
                return 20; // small batches, so the two workers interleave
            }

            @Override
            public int batchesPerRun() {
                return config.batchesPerRun();
            }

            @Override
            public int concurrency() {
                return 4;
            }

            @Override
            public Duration lease() {
                return config.lease();
            }

            @Override
            public int maxAttempts() {
                return config.maxAttempts();
            }

            @Override
            public Duration backoff() {
                return config.backoff();
            }

            @Override
            public Duration maxBackoff() {
                return config.maxBackoff();
            }
        };
        return new DeliveryWorker(workerPool, sms, subscribe, protector, small, clock, id);
    }

    /** A pool of its own, as the application role, like a second instance's. */
    private io.vertx.sqlclient.Pool pool(String name) {
        return AppRolePool.open(vertx, "notify-test-" + name, 4);
    }
}
