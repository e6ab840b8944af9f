package io.onestop.assistance.common.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Idempotency-Key handling. */
@ConfigMapping(prefix = "assistance.idempotency")
public interface IdempotencyConfig {

    /**
     * A claim still in flight after this belongs to a request that died (kill -9, crash) and may be taken over by a
     * retry (env ASSISTANCE_IDEMPOTENCY_ABANDONED_AFTER). Must stay longer than the slowest request: a live request
     * whose claim is taken over would do its work twice. Default 60 s; the fault tests use 5 s to keep runs short.
     */
    @WithDefault("60S")
    Duration abandonedAfter();
}
