package io.onestop.assistance.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The cache of verified bearer tokens ({@link VerifiedTokens}). */
@ConfigMapping(prefix = "assistance.token-cache")
public interface TokenCacheConfig {

    /**
     * How long a verified token is taken without checking its signature again (never past its own expiry). Bounds how
     * long a token signed with a key the issuer has since withdrawn is still taken; 0 turns the cache off.
     */
    @WithDefault("60s")
    Duration maxAge();

    /** Tokens remembered at most; each holds its identity (a few KB), so this bounds the memory the cache takes. */
    @WithDefault("1024")
    int maxEntries();
}
