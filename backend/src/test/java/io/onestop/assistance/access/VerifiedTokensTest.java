package io.onestop.assistance.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** The cache's own rules: whole-token key, the token's expiry and the maximum age, the bound on entries. */
class VerifiedTokensTest {

    private static final long NOW = 1_800_000_000_000L;

    static SecurityIdentity identity(String token, long expiresAtSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("subject-" + token);
        if (expiresAtSeconds > 0) {
            claims.setExpirationTime(NumericDate.fromSeconds(expiresAtSeconds));
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(token, claims))
                .addCredential(new AccessTokenCredential(token))
                .build();
    }

    private static String subject(SecurityIdentity identity) {
        return identity == null ? null : ((DefaultJWTCallerPrincipal) identity.getPrincipal()).getSubject();
    }

    @Test
    void findsOnlyTheVeryTokenItRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 10);
        SecurityIdentity identity = identity("a.b.c", NOW / 1000 + 300);
        tokens.remember(identity, NOW);
        assertSame(identity, tokens.find("a.b.c", NOW + 1));
        assertNull(tokens.find("a.x.c", NOW + 1), "another payload with the same signature is not the same token");
        assertNull(tokens.find("a.b.c ", NOW + 1));
    }

    @Test
    void forgetsATokenAtItsExpiryOrAfterTheMaximumAgeWhicheverIsFirst() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 10);
        tokens.remember(identity("expires-soon", NOW / 1000 + 10), NOW);
        tokens.remember(identity("expires-late", NOW / 1000 + 3600), NOW);
        assertEquals("subject-expires-soon", subject(tokens.find("expires-soon", NOW + 9_999)));
        assertNull(tokens.find("expires-soon", NOW + 10_000), "expired: OIDC must see it again and refuse it");
        assertEquals("subject-expires-late", subject(tokens.find("expires-late", NOW + 59_999)));
        assertNull(tokens.find("expires-late", NOW + 60_000), "verified again after the maximum age");
    }

    @Test
    void remembersNothingExpiredWithoutExpiryOrWhenTurnedOff() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 10);
        tokens.remember(identity("expired", NOW / 1000 - 1), NOW);
        tokens.remember(identity("no-expiry", 0), NOW);
        assertEquals(0, tokens.size());
        VerifiedTokens off = new VerifiedTokens(0, 10);
        off.remember(identity("t", NOW / 1000 + 300), NOW);
        assertNull(off.find("t", NOW));
    }

    @Test
    void staysWithinItsBound() {
        VerifiedTokens tokens = new VerifiedTokens(60_000, 3);
        for (int i = 0; i < 10; i++) {
            tokens.remember(identity("t" + i, NOW / 1000 + 300), NOW);
            assertTrue(tokens.size() <= 3, "size " + tokens.size());
        }
        assertNull(tokens.find("t0", NOW));
        assertEquals("subject-t9", subject(tokens.find("t9", NOW)));
    }
}
