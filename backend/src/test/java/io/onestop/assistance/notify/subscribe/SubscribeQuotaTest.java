package io.onestop.assistance.notify.subscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.notify.ResidentMessage;
import io.onestop.assistance.notify.subscribe.SubscribeMessageSender.Outcome;
import io.onestop.assistance.testing.AppRolePool;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OnVertx;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The subscribe-message quota against PostgreSQL and a stand-in gateway (a JDK HTTP server that records what it is
 * asked to send and answers as the real one does): one message per acceptance, even for two instances at once;
 * 43101 sets the quota to 0; a busy platform gives the unit back and fails, so the outbox tries again.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class SubscribeQuotaTest {

    private static final String TEMPLATE = "tmpl-quota-test";
    private static final String SENT = "{\"errcode\":0,\"errmsg\":\"ok\",\"data\":{\"sent\":true}}";
    private static final String REFUSED = "{\"errcode\":0,\"errmsg\":\"ok\",\"data\":{\"sent\":false}}";
    private static final String BUSY = "{\"errcode\":50300,\"errmsg\":\"busy\",\"data\":null}";
    private static final ResidentMessage MESSAGE = new ResidentMessage("CASE_ACCEPTED", "申请已受理",
            "您申请的“最低生活保障”（受理编号 JZ-140105-2026-000123）已受理。");

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    PersonalDataProtector protector;

    @Inject
    Clock clock;

    private HttpServer gateway;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicReference<String> answer = new AtomicReference<>(SENT);

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/internal/v1/subscribe-messages", exchange -> {
            try (exchange) {
                requests.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                Thread.sleep(200); // a platform call takes a while: concurrent senders really overlap
                byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        gateway.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        gateway.stop(0);
    }

    @Test
    void twoInstancesSharingOneAcceptanceSendExactlyOnce() {
        String owner = "mp:quota-" + UUID.randomUUID();
        SubscribeQuota quota = new SubscribeQuota(pool, protector, clock);
        OnVertx.await(vertx.getDelegate(), () -> quota.accept(owner, "o-race-openid", List.of(TEMPLATE)));

        io.vertx.sqlclient.Pool poolA = ownPool("a");
        io.vertx.sqlclient.Pool poolB = ownPool("b");
        try {
            GatewaySubscribeMessageSender a = sender(Pool.newInstance(poolA));
            GatewaySubscribeMessageSender b = sender(Pool.newInstance(poolB));
            List<Supplier<Uni<Outcome>>> both = List.of(() -> a.send(owner, null, MESSAGE), () -> b.send(owner, null, MESSAGE));
            List<Outcome> outcomes = OnVertx.awaitAll(vertx.getDelegate(), both);

            assertEquals(1, outcomes.stream().filter(o -> o == Outcome.SENT).count(), outcomes.toString());
            assertEquals(1, outcomes.stream().filter(o -> o == Outcome.NOT_AVAILABLE).count(), outcomes.toString());
            assertEquals(1, requests.size(), "the gateway was asked once");
            assertEquals(0, remaining(owner));
        } finally {
            poolA.close();
            poolB.close();
        }
    }

    @Test
    void eachAcceptanceAllowsOneMessageWithTheSecretAndTheKeywords() {
        String owner = "resident:" + UUID.randomUUID();
        SubscribeQuota quota = new SubscribeQuota(pool, protector, clock);
        GatewaySubscribeMessageSender sender = sender(pool);
        assertEquals(Outcome.NOT_AVAILABLE, send(sender, owner), "never accepted");
        assertEquals(0, requests.size(), "no acceptance: the gateway is not even asked");

        OnVertx.await(vertx.getDelegate(), () -> quota.accept(owner, "o-two-openid", List.of(TEMPLATE)));
        OnVertx.await(vertx.getDelegate(), () -> quota.accept(owner, "o-two-openid", List.of(TEMPLATE, "other")));
        assertEquals(2, remaining(owner));
        assertEquals(Outcome.SENT, send(sender, owner));
        assertEquals(Outcome.SENT, send(sender, owner));
        assertEquals(Outcome.NOT_AVAILABLE, send(sender, owner), "two acceptances, two messages");
        assertEquals(2, requests.size());
        assertTrue(requests.get(0).contains("\"openid\":\"o-two-openid\"") && requests.get(0).contains("\"thing1\":\"申请已受理\"")
                && requests.get(0).contains("\"templateId\":\"" + TEMPLATE + "\""), requests.get(0));
        assertEquals("Bearer test-secret", authorizations.get(0));

        // the openid is stored sealed, never in clear
        long clear = OnVertx.await(vertx.getDelegate(), () -> pool.preparedQuery(
                        "select count(*) from subscribe_acceptance where owner_key = $1 and openid_enc like '%o-two-openid%'")
                .execute(Tuple.of(owner)).map(rows -> rows.iterator().next().getLong(0)));
        assertEquals(0L, clear);
    }

    @Test
    void anAcceptanceFromAnotherAccountReplacesTheCount() {
        String owner = "resident:" + UUID.randomUUID();
        SubscribeQuota quota = new SubscribeQuota(pool, protector, clock);
        OnVertx.await(vertx.getDelegate(), () -> quota.accept(owner, "o-first", List.of(TEMPLATE)));
        OnVertx.await(vertx.getDelegate(), () -> quota.accept(owner, "o-first", List.of(TEMPLATE)));
        OnVertx.await(vertx.getDelegate(), () -> quota.accept(owner, "o-second", List.of(TEMPLATE)));
        assertEquals(1, remaining(owner));
        assertEquals(Outcome.SENT, send(sender(pool), owner));
        assertTrue(requests.get(0).contains("o-second"), requests.get(0));
    }

    @Test
    void refusedByThePlatformSetsTheQuotaToZero() {
        String owner = "resident:" + UUID.randomUUID();
        SubscribeQuota quota = new SubscribeQuota(pool, protector, clock);
        OnVertx.await(vertx.getDelegate(), () -> quota.accept(owner, "o-refused", List.of(TEMPLATE)));
        OnVertx.await(vertx.getDelegate(), () -> quota.accept(owner, "o-refused", List.of(TEMPLATE)));
        answer.set(REFUSED);
        assertEquals(Outcome.NOT_AVAILABLE, send(sender(pool), owner));
        assertEquals(0, remaining(owner), "43101: the platform knows better than our count");
    }

    @Test
    void aBusyPlatformGivesTheUnitBackAndFails() {
        String owner = "resident:" + UUID.randomUUID();
        SubscribeQuota quota = new SubscribeQuota(pool, protector, clock);
        OnVertx.await(vertx.getDelegate(), () -> quota.accept(owner, "o-busy", List.of(TEMPLATE)));
        answer.set(BUSY);
        RuntimeException failure = assertThrows(RuntimeException.class, () -> send(sender(pool), owner));
        assertTrue(failure.getMessage().contains("errcode 50300"), failure.getMessage());
        assertEquals(1, remaining(owner), "not sent: the acceptance is still there for the retry");

        answer.set(SENT);
        assertEquals(Outcome.SENT, send(sender(pool), owner));
        assertEquals(0, remaining(owner));
    }

    @Test
    void anUnreachableGatewayGivesTheUnitBackAndFails() {
        String owner = "resident:" + UUID.randomUUID();
        SubscribeQuota quota = new SubscribeQuota(pool, protector, clock);
        OnVertx.await(vertx.getDelegate(), () -> quota.accept(owner, "o-down", List.of(TEMPLATE)));
        gateway.stop(0);
        assertThrows(RuntimeException.class, () -> send(sender(pool), owner));
        assertEquals(1, remaining(owner));
    }

    private Outcome send(GatewaySubscribeMessageSender sender, String owner) {
        return OnVertx.await(vertx.getDelegate(), () -> sender.send(owner, UUID.randomUUID(), MESSAGE));
    }

    private int remaining(String owner) {
        return OnVertx.await(vertx.getDelegate(), () -> pool.preparedQuery(
                        "select coalesce(sum(remaining), 0) from subscribe_acceptance where owner_key = $1 and template_id = $2")
                .execute(Tuple.of(owner, TEMPLATE)).map(rows -> rows.iterator().next().getLong(0).intValue()));
    }

    private GatewaySubscribeMessageSender sender(Pool senderPool) {
        String url = "http://127.0.0.1:" + gateway.getAddress().getPort();
        SubscribeConfig config = new SubscribeConfig() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public String templateId() {
                return TEMPLATE;
            }

            @Override
            public String page() {
                return "pages/intake/status";
            }

            @Override
            public String gatewayUrl() {
                return url;
            }

            @Override
            public String gatewaySecret() {
                return "test-secret";
            }

            @Override
            public Duration timeout() {
                return Duration.ofSeconds(5);
            }
        };
        return new GatewaySubscribeMessageSender(new SubscribeQuota(senderPool, protector, clock), config, vertx, clock);
    }

    /** A pool of its own, as the application role, like a second instance's. */
    private io.vertx.sqlclient.Pool ownPool(String name) {
        return AppRolePool.open(vertx.getDelegate(), "subscribe-test-" + name, 2);
    }
}
