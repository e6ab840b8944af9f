package io.onestop.assistance.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Delivery of the outbox to residents: how often, how many at once, how long to keep trying. */
@ConfigMapping(prefix = "assistance.notify")
public interface NotifyConfig {

    /** Whether this instance runs the delivery worker; every instance may (they share work through SKIP LOCKED). */
    @WithDefault("true")
    boolean workerEnabled();

    /** How often the worker looks for due events; a run that is still busy is skipped, never doubled. */
    @WithDefault("1s")
    Duration every();

    /** Events claimed per database round trip. */
    @WithDefault("50")
    int batchSize();

    /** Batches one run may take before it yields to the next tick (so a backlog cannot starve the scheduler). */
    @WithDefault("20")
    int batchesPerRun();

    /** Events of one batch delivered at the same time (each holds no database connection while it waits). */
    @WithDefault("8")
    int concurrency();

    /**
     * How long a claim lasts: an instance that dies mid-delivery leaves its events to others after this. Longer than
     * the slowest delivery (SMS timeout times channels).
     */
    @WithDefault("2m")
    Duration lease();

    /** Tries before an event is dead-lettered (shown to admins, the hotline gets a call-back task). */
    @WithDefault("6")
    int maxAttempts();

    /** Wait after the first failed try; it doubles with every further failure. */
    @WithDefault("30s")
    Duration backoff();

    /** The longest wait between two tries. */
    @WithDefault("1h")
    Duration maxBackoff();
}
