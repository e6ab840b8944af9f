package io.onestop.assistance.programs.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The token bucket with a hand-driven clock. */
class ScreeningRateLimiterTest {

    private long now = 0;

    private ScreeningRateLimiter limiter(int perMinute, int burst, int maxTracked) {
        return new ScreeningRateLimiter(new ScreeningConfig() {
            @Override
            public int requestsPerMinute() {
                return perMinute;
            }

            @Override
            public int burst() {
                return burst;
            }

            @Override
            public int maxTrackedAddresses() {
                return maxTracked;
            }
        }, () -> now);
    }

    @Test
    void admitsTheBurstThenAsksToRetryAfterTheRefill() {
        ScreeningRateLimiter limiter = limiter(6, 3, 100);
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("203.0.113.7"));
        }
        assertEquals(10, limiter.acquire("203.0.113.7"), "6 a minute: one token every 10 s");
        now += TimeUnit.SECONDS.toNanos(4);
        assertEquals(6, limiter.acquire("203.0.113.7"));
        now += TimeUnit.SECONDS.toNanos(6);
        assertEquals(0, limiter.acquire("203.0.113.7"));
        assertEquals(10, limiter.acquire("203.0.113.7"));
    }

    @Test
    void countsEachAddressApart() {
        ScreeningRateLimiter limiter = limiter(1, 1, 100);
        assertEquals(0, limiter.acquire("203.0.113.7"));
        assertTrue(limiter.acquire("203.0.113.7") > 0);
        assertEquals(0, limiter.acquire("203.0.113.8"));
    }

    @Test
    void sharesOneBucketBeyondTheTrackedAddressesAndForgetsIdleOnes() {
        ScreeningRateLimiter limiter = limiter(60, 1, 2);
        assertEquals(0, limiter.acquire("198.51.100.1"));
        assertEquals(0, limiter.acquire("198.51.100.2"));
        assertEquals(0, limiter.acquire("198.51.100.3"), "the first newcomer takes the shared bucket");
        assertTrue(limiter.acquire("198.51.100.4") > 0, "and newcomers share it");
        now += TimeUnit.SECONDS.toNanos(30);
        assertEquals(0, limiter.acquire("198.51.100.5"), "refilled buckets are forgotten");
        assertTrue(limiter.trackedAddresses() <= 2);
    }

    @ParameterizedTest
    @CsvSource({
            "203.0.113.7, 203.0.113.7",
            "2001:db8:1:2:3:4:5:6, 2001:db8:1:2::/64",
            "2001:db8:1:2:ffff::1, 2001:db8:1:2::/64",
            "[2001:db8::1], 2001:db8:0:0::/64",
            "'', unknown"})
    void keysIpv6ByItsSlash64(String address, String key) {
        assertEquals(key, ScreeningRateLimiter.key(address));
    }
}
