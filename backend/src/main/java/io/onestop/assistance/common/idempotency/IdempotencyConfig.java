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

    /**
     * How long a key and its stored answer are kept (env ASSISTANCE_IDEMPOTENCY_RETENTION); older records are purged,
     * and a repeat after that is handled as a new request. Default 7 days: a phone that was offline (a village without
     * signal, a flat battery) retries its queued submission within days, not weeks; Stripe keeps keys 24 h. The
     * records hold the whole first answer (~8 KiB an intake), a third of the database at 1 M intakes if kept for
     * ever. What a repeat after the retention gets depends on the write: a submission finds its draft used up (404, no
     * second intake); a delegation grant still in force answers 409; a change of circumstances sent with the revision it
     * changed in If-Match answers 412, and without If-Match is applied again (one more revision, the same content). Never shorter than {@link #abandonedAfter()}: the purge keeps a record at
     * least that long, so a live claim is never removed under its request.
     */
    @WithDefault("P7D")
    Duration retention();

    /** How often each instance purges expired records (a Quarkus scheduler interval, or {@code off}). Default 10 min. */
    @WithDefault("10m")
    String purgeEvery();

    /**
     * Records deleted per statement by the purge (one short transaction each, rows taken with FOR UPDATE SKIP LOCKED,
     * so instances purging at once share the work and never wait on each other or on a request). Default 1000: a few
     * milliseconds of locks, while a backlog (the first purge after an upgrade) still drains at thousands per second.
     */
    @WithDefault("1000")
    int purgeBatch();
}
