package io.onestop.assistance.miniprogram.session;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;

/**
 * Issues and checks the gateway's resident tokens and publishes their public key. Everything here is CPU-only work
 * on keys held in memory, safe on the event loop.
 */
@ApplicationScoped
@Startup // reads the key at boot (not on the event loop) and fails start-up at once if it is unusable
public class ResidentTokens {

    /** The only role a mini-program login grants; staff never log in through the mini program. */
    public static final String RESIDENT = "resident";
    /** Subjects from the gateway cannot collide with Keycloak's (UUIDs) in backend's owner columns. */
    static final String SUBJECT_PREFIX = "mp:";
    /** Claims of the phone assertion; backend's access.VerifiedPhone reads them (same names). */
    public static final String VERIFIED_PHONE = "verified_phone";
    public static final String VERIFIED_PHONE_COUNTRY = "verified_phone_country";
    /** Claim of the subscribe assertion; backend's notify.api.SubscribeAcceptanceResource reads it (same name). */
    public static final String SUBSCRIBE_OPENID = "subscribe_openid";

    private static final Logger LOG = Logger.getLogger(ResidentTokens.class);

    private final TokenConfig config;
    private final Clock clock;
    private final RSAPrivateCrtKey signingKey;
    private final RsaJsonWebKey publicJwk;
    private final SecretKeySpec subjectKey;
    private final JwtConsumer consumer;

    @jakarta.inject.Inject
    ResidentTokens(TokenConfig config) {
        this(config, Clock.systemUTC());
    }

    ResidentTokens(TokenConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.signingKey = readSigningKey(config.signingKeyLocation());
        this.publicJwk = publicJwk(signingKey);
        byte[] subject = Base64.getDecoder().decode(config.subjectKey());
        if (subject.length < 32) {
            throw new IllegalStateException("assistance.token.subject-key must be base64 of at least 32 bytes");
        }
        this.subjectKey = new SecretKeySpec(subject, "HmacSHA256");
        if (TokenConfig.DEV_SIGNING_KEY.equals(config.signingKeyLocation())
                || TokenConfig.DEV_SUBJECT_KEY.equals(config.subjectKey())) {
            LOG.warn("Resident tokens use the public DEVELOPMENT keys: set ASSISTANCE_TOKEN_SIGNING_KEY_LOCATION and "
                    + "ASSISTANCE_TOKEN_SUBJECT_KEY outside the local stack");
        }
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer(config.issuer())
                .setExpectedAudience(config.audience())
                .setVerificationKey(publicJwk.getPublicKey())
                .build();
    }

    /** A signed token for the person behind this openid; answers the token and its expiry. */
    public Issued issue(String openid) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.lifetime());
        String token = Jwt.issuer(config.issuer())
                .subject(subjectOf(openid))
                .audience(config.audience())
                .groups(Set.of(RESIDENT))
                .issuedAt(now)
                .expiresAt(expiresAt)
                .jws().keyId(publicJwk.getKeyId()).algorithm(SignatureAlgorithm.RS256)
                .sign(signingKey);
        return new Issued(token, now, expiresAt);
    }

    /**
     * The phone assertion: a token for the same resident as {@code residentToken} that also carries the number the
     * platform has just verified ({@code verified_phone}, {@code verified_phone_country}; backend's
     * {@code access.VerifiedPhone}). Backend binds a phone number only from such a token, because only the gateway
     * can ask the platform (it holds the app secret) and only the gateway's key can sign it. It lives minutes, is
     * sent to backend once and never to the mini program. Answers null when the resident token is not valid.
     */
    public String phoneAssertion(String residentToken, String number, String countryCode) {
        String subject;
        try {
            subject = consumer.processToClaims(residentToken).getSubject();
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
            return null;
        }
        Instant now = clock.instant();
        return Jwt.issuer(config.issuer())
                .subject(subject)
                .audience(config.audience())
                .groups(Set.of(RESIDENT))
                .claim(VERIFIED_PHONE, number)
                .claim(VERIFIED_PHONE_COUNTRY, countryCode == null ? "86" : countryCode)
                .issuedAt(now)
                .expiresAt(now.plus(config.phoneAssertionLifetime()))
                .jws().keyId(publicJwk.getKeyId()).algorithm(SignatureAlgorithm.RS256)
                .sign(signingKey);
    }

    /**
     * The subscribe assertion: a token for the same resident as {@code residentToken} that carries the openid the
     * platform has just given for a fresh {@code wx.login} code ({@code subscribe_openid}), so backend can store where
     * the resident's subscribe messages go. Like the phone assertion it lives minutes and goes to backend only.
     * Answers null when the resident token is not valid or the openid is not this resident's (the code was another
     * user's): a resident can only ever point messages at their own mini-program account.
     */
    public String subscribeAssertion(String residentToken, String openid) {
        String subject;
        try {
            subject = consumer.processToClaims(residentToken).getSubject();
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException e) {
            return null;
        }
        if (!MessageDigest.isEqual(subject.getBytes(StandardCharsets.UTF_8),
                subjectOf(openid).getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        Instant now = clock.instant();
        return Jwt.issuer(config.issuer())
                .subject(subject)
                .audience(config.audience())
                .groups(Set.of(RESIDENT))
                .claim(SUBSCRIBE_OPENID, openid)
                .issuedAt(now)
                .expiresAt(now.plus(config.phoneAssertionLifetime()))
                .jws().keyId(publicJwk.getKeyId()).algorithm(SignatureAlgorithm.RS256)
                .sign(signingKey);
    }

    /** True when the token is ours, unexpired and meant for backend. */
    public boolean valid(String token) {
        try {
            consumer.processToClaims(token);
            return true;
        } catch (InvalidJwtException e) {
            return false;
        }
    }

    /** The JWKS document backend fetches to verify our tokens. */
    public Map<String, Object> jwks() {
        return Map.of("keys", List.of(publicJwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)));
    }

    /** A stable pseudonym: the same openid always gives the same subject, which cannot be turned back into it. */
    String subjectOf(String openid) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(subjectKey);
            byte[] hash = mac.doFinal(openid.getBytes(StandardCharsets.UTF_8));
            return SUBJECT_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Issued(String token, Instant issuedAt, Instant expiresAt) {
    }

    private static RSAPrivateCrtKey readSigningKey(String location) {
        String pem;
        try {
            if (location.startsWith("classpath:")) {
                try (InputStream in = ResidentTokens.class.getClassLoader()
                        .getResourceAsStream(location.substring("classpath:".length()))) {
                    if (in == null) {
                        throw new IllegalStateException("assistance.token.signing-key-location not found: " + location);
                    }
                    pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                }
            } else {
                pem = Files.readString(Path.of(location.replaceFirst("^file:", "")), StandardCharsets.US_ASCII);
            }
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException | GeneralSecurityException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalStateException("assistance.token.signing-key-location must name an RSA private key "
                    + "in PKCS#8 PEM (BEGIN PRIVATE KEY): " + location);
        }
    }

    private static RsaJsonWebKey publicJwk(RSAPrivateCrtKey key) {
        try {
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            RsaJsonWebKey jwk = (RsaJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(publicKey);
            // The key id is derived from the key, so a rotated key gets a new id and old tokens fail cleanly.
            byte[] thumbprint = MessageDigest.getInstance("SHA-256").digest(key.getModulus().toByteArray());
            jwk.setKeyId(Base64.getUrlEncoder().withoutPadding().encodeToString(thumbprint).substring(0, 16));
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            return jwk;
        } catch (GeneralSecurityException | org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
