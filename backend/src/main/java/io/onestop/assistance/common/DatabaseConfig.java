package io.onestop.assistance.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Time bounds of the reactive PostgreSQL pool that Quarkus does not expose (DatabasePool applies them): while
 * PostgreSQL is down or the pool is exhausted a request is refused with 503 in about this time instead of waiting
 * for the client's defaults (connect 60 s, waiting for a pooled connection 30 s).
 */
@ConfigMapping(prefix = "assistance.database")
public interface DatabaseConfig {

    /** Opening a connection (TCP connect); matters when the server's address does not answer at all. */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Waiting for a connection of the pool, all of them busy or being opened. */
    @WithDefault("2s")
    Duration acquireTimeout();
}
