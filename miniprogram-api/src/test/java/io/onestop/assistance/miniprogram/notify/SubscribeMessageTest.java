package io.onestop.assistance.miniprogram.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.miniprogram.PlatformSimulatorResource;
import io.onestop.assistance.miniprogram.platform.PlatformService;
import io.onestop.assistance.platformsim.PlatformSimulator;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Subscribe messages through the simulator: one send per acceptance, values trimmed, 43101 means fall back. */
@QuarkusTest
class SubscribeMessageTest {

    private static final String TEMPLATE = "tmpl-case-accepted";

    @Inject
    PlatformService platform;

    @Test
    void sendsOncePerAcceptanceWithTrimmedValuesThenAsksForFallback() {
        PlatformSimulator simulator = PlatformSimulatorResource.simulator();
        String openid = "o-subscriber-" + System.nanoTime();
        Map<String, Object> message = Map.of("touser", openid, "template_id", TEMPLATE, "page", "pages/status/index",
                "data", TemplateValues.data(Map.of(
                        "thing1", "您的最低生活保障申请已由街道民政办受理，请留意后续通知",
                        "phrase2", "已受理成功了",
                        "character_string3", "JZ-140105-2026-000123")));

        assertFalse(send(message), "no acceptance yet: 43101, fall back to the inbox");

        simulator.accept(openid, TEMPLATE);
        int sentBefore = simulator.sentMessages().size();
        assertTrue(send(message), "the simulator refuses a thing over 20 characters (47003), so trimming happened");
        assertEquals(sentBefore + 1, simulator.sentMessages().size());

        assertFalse(send(message), "the one acceptance is used up");
    }

    private boolean send(Map<String, Object> message) {
        return platform.sendSubscribeMessage(message).await().indefinitely();
    }
}
