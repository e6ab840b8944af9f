package io.onestop.assistance.miniprogram.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The gateway's own resident tokens (JWT, RS256), which backend trusts as a second OIDC issuer. The defaults are
 * for the local stack only: the shipped signing key and subject key are public, and the gateway logs a warning while
 * it uses them.
 */
@ConfigMapping(prefix = "assistance.token")
public interface TokenConfig {

    /** The public development signing key (classpath); never use it outside the local stack. */
    String DEV_SIGNING_KEY = "classpath:dev-token-signing-key.pem";
    /** The public development subject key (base64); never use it outside the local stack. */
    String DEV_SUBJECT_KEY = "ZGV2LW9ubHktbWluaXByb2dyYW0tc3ViamVjdC1rZXk=";

    /** {@code iss} of our tokens (env ASSISTANCE_TOKEN_ISSUER); backend's `miniprogram` OIDC tenant expects it. */
    @WithDefault("http://127.0.0.1:8081")
    String issuer();

    /** {@code aud} of our tokens: backend accepts only tokens meant for it. */
    @WithDefault("backend")
    String audience();

    /** Token lifetime: short, since there is no refresh; the mini program simply logs in again. */
    @WithDefault("PT2H")
    Duration lifetime();

    /**
     * Lifetime of the phone and subscribe assertions: the tokens the gateway signs right after the platform verified
     * a phone number or an openid, used for the one call that binds it in backend. Minutes, so a copy is worth little.
     */
    @WithDefault("PT2M")
    Duration phoneAssertionLifetime();

    /**
     * The RSA private key (PKCS#8 PEM) that signs tokens: {@code classpath:...} or {@code file:...}
     * (env ASSISTANCE_TOKEN_SIGNING_KEY_LOCATION; mount a secret in production). Its public half is the JWKS.
     */
    @WithDefault(DEV_SIGNING_KEY)
    String signingKeyLocation();

    /**
     * HMAC-SHA256 key (base64, at least 32 bytes) turning an openid into the token subject, so backend and its
     * audit log never see the raw openid (env ASSISTANCE_TOKEN_SUBJECT_KEY). Changing it changes every resident's
     * identity in backend: set it once per deployment.
     */
    @WithDefault(DEV_SUBJECT_KEY)
    String subjectKey();
}
