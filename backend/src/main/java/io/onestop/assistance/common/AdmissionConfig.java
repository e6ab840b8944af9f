package io.onestop.assistance.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Admission control of the API ({@link AdmissionControl}): how many {@code /api/} requests one instance works on at
 * once before it refuses more with 503 and Retry-After instead of queueing them.
 */
@ConfigMapping(prefix = "assistance.admission")
public interface AdmissionConfig {

    /**
     * Requests in progress at most (uploads included, while their body arrives); 0 turns admission control off.
     * Refusals share the event loop with the admitted requests' CPU work, so the limit sets how fast a refusal is:
     * on the 2-core bench machine at twice the maximum, 64 gave refusals at p99 700 ms, 16 gave 200 ms but refused
     * 0.1 % of the requests at half the maximum (Poisson bursts). 32 sits between; raise it with the cores.
     */
    @WithDefault("32")
    int maxInFlight();

    /** Seconds the refusal's Retry-After tells the client to wait. */
    @WithDefault("1")
    int retryAfterSeconds();
}
