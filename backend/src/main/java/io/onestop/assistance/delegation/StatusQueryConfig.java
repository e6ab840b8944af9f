package io.onestop.assistance.delegation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The no-account status query (intake number + last 6 of the applicant's id + a one-time code by SMS). The limits
 * are counted in the database, so they hold across all replicas ({@link StatusQueryLimiter}).
 */
@ConfigMapping(prefix = "assistance.status-query")
public interface StatusQueryConfig {

    /** How long a code sent by SMS may be used. */
    @WithDefault("5m")
    Duration codeValidity();

    /** Wrong codes a query tolerates; after that it is closed, even for the right code. */
    @WithDefault("5")
    int maxAttempts();

    /** The window the two limits below count in. */
    @WithDefault("1h")
    Duration window();

    /** Queries one client address may start per window (each may send a text to someone's phone). */
    @WithDefault("10")
    int perAddress();

    /** Queries for one intake number per window, from any address: no phone gets more than this many codes. */
    @WithDefault("3")
    int perIntakeNumber();

    /** How long a query row is kept after it was started, for the audit trail of who looked; then it is deleted. */
    @WithDefault("P1D")
    Duration retention();
}
