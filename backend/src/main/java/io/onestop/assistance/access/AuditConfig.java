package io.onestop.assistance.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The audit log's sealer (AuditSealer) and what its verifier accepts as not yet sealed. */
@ConfigMapping(prefix = "assistance.audit")
public interface AuditConfig {

    /** How often the sealer appends seals for new audit events; a run still busy is skipped, never doubled. */
    @WithDefault("1s")
    Duration sealEvery();

    /** Events sealed per statement; a run goes on until nothing is left. */
    @WithDefault("500")
    int sealBatch();

    /**
     * How far below the newest sealed event id the sealer still looks for unsealed events (an event id is taken at
     * insert but becomes visible at commit, so a slow transaction's event can appear after newer ones are sealed).
     * Bounds the sealer's scan; an event beyond it stays unsealed and the verifier reports it.
     */
    @WithDefault("10000")
    int sealLookback();

    /** An event older than this (database time of its insert) must be sealed, or the verifier reports the log broken. */
    @WithDefault("10s")
    Duration sealGrace();
}
