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
     * Requests in progress at most (uploads included, while their body arrives). At the measured maximum of a
     * 2-core instance a request takes tens of milliseconds, so 64 in progress is a queue of well under a second;
     * 0 turns admission control off.
     */
    @WithDefault("64")
    int maxInFlight();

    /** Seconds the refusal's Retry-After tells the client to wait. */
    @WithDefault("1")
    int retryAfterSeconds();
}
