package io.onestop.assistance.delegation;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The no-account status query (intake number + last 6 of the applicant's id + a one-time code by SMS). Limits are
 * per replica and in memory: with N replicas an address gets up to N times the rate, still far too few tries to guess
 * a 6-digit code or to walk intake numbers.
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

    /** Counters remembered at most; beyond it, counters of past windows are forgotten first. */
    @WithDefault("100000")
    int maxTracked();

    /** How long a query row is kept after it was started, for the audit trail of who looked; then it is deleted. */
    @WithDefault("P1D")
    Duration retention();
}
