package io.onestop.assistance.programs.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Rate limit of the public screening endpoint, per client address (an IPv6 client counts by its /64 network). Behind
 * a proxy, enable {@code quarkus.http.proxy.proxy-address-forwarding} so the address is the client's, not the proxy's.
 */
@ConfigMapping(prefix = "assistance.screening")
public interface ScreeningConfig {

    /** Screenings per minute an address may make in the long run (the rate the bucket refills). */
    @WithDefault("60")
    int requestsPerMinute();

    /** Screenings an address may make at once before the rate applies (the size of the bucket). */
    @WithDefault("20")
    int burst();

    /** Addresses remembered at most; beyond it, idle ones are forgotten and the rest share one bucket. */
    @WithDefault("100000")
    int maxTrackedAddresses();
}
