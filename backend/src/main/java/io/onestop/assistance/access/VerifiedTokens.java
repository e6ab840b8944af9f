package io.onestop.assistance.access;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the identity of a bearer token whose signature OIDC has verified, so the same token on the next requests
 * is not verified again: RS256 verification was the largest single cost of a status read (about a quarter of its CPU
 * on the C1-only JVM, issue #10). The key is the whole token, so only the very same bytes get the identity; an entry
 * ends at the token's own expiry or after {@link TokenCacheConfig#maxAge()}, whichever is first, after which OIDC
 * verifies it again (and refuses it once expired). Access tokens are not checked for revocation here with or without
 * the cache: they are verified locally, and a logout ends the refresh, not the access token.
 */
@ApplicationScoped
public class VerifiedTokens {

    private record Entry(SecurityIdentity identity, long validUntilMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long maxAgeMillis;
    private final int maxEntries;

    @Inject
    public VerifiedTokens(TokenCacheConfig config) {
        this(config.maxAge().toMillis(), config.maxEntries());
    }

    VerifiedTokens(long maxAgeMillis, int maxEntries) {
        this.maxAgeMillis = maxAgeMillis;
        this.maxEntries = maxEntries;
    }

    /** The identity of a token verified before and still within its time here, or null. */
    SecurityIdentity find(String token, long nowMillis) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nowMillis >= entry.validUntilMillis()) {
            entries.remove(token, entry);
            return null;
        }
        return entry.identity();
    }

    /** Remembers a verified identity; one without a token or an expiry is left alone. */
    void remember(SecurityIdentity identity, long nowMillis) {
        TokenCredential credential = identity.getCredential(TokenCredential.class);
        if (maxAgeMillis <= 0 || credential == null || credential.getToken() == null
                || !(identity.getPrincipal() instanceof JsonWebToken jwt) || jwt.getExpirationTime() <= 0) {
            return;
        }
        long validUntil = Math.min(jwt.getExpirationTime() * 1000, nowMillis + maxAgeMillis);
        if (validUntil <= nowMillis || entries.containsKey(credential.getToken())) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> nowMillis >= e.validUntilMillis());
            if (entries.size() >= maxEntries) {
                entries.clear(); // simpler than LRU, and a miss only costs one verification
            }
        }
        entries.put(credential.getToken(), new Entry(identity, validUntil));
    }

    int size() {
        return entries.size();
    }

    /** Asked before OIDC: a remembered token's identity, or no item so that OIDC verifies it. */
    @ApplicationScoped
    public static class Provider implements IdentityProvider<TokenAuthenticationRequest> {

        private final VerifiedTokens tokens;

        public Provider(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Class<TokenAuthenticationRequest> getRequestType() {
            return TokenAuthenticationRequest.class;
        }

        @Override
        public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
            return Uni.createFrom().item(tokens.find(request.getToken().getToken(), System.currentTimeMillis()));
        }

        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }
    }

    /**
     * Runs first of the augmentors, so it remembers the identity exactly as OIDC made it; the other augmentors (the
     * resident's owner key) then run on every request, cached or not.
     */
    @ApplicationScoped
    public static class Remember implements SecurityIdentityAugmentor {

        private final VerifiedTokens tokens;

        public Remember(VerifiedTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            if (!identity.isAnonymous()) {
                tokens.remember(identity, System.currentTimeMillis());
            }
            return Uni.createFrom().item(identity);
        }

        @Override
        public int priority() {
            return Integer.MAX_VALUE;
        }
    }
}
