package io.onestop.assistance.access;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;

/**
 * Encrypts personal identifiers at rest (AES-GCM, random 96-bit nonce stored in front of the cipher text) and
 * derives a keyed hash for exact look-ups, so the database never holds a national id in clear and an index can
 * still find one.
 */
@ApplicationScoped
@Startup
public class PersonalDataProtector {

    private static final Logger LOG = Logger.getLogger(PersonalDataProtector.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hmacKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataProtector(PersonalDataConfig config) {
        byte[] aes = Base64.getDecoder().decode(config.encryptionKey());
        byte[] mac = Base64.getDecoder().decode(config.hmacKey());
        if (aes.length != 32 || mac.length < 32) {
            throw new IllegalStateException(
                    "assistance.personal-data keys must be base64 of 32 bytes (encryption) and at least 32 bytes (hmac)");
        }
        if (PersonalDataConfig.DEMO_ENCRYPTION_KEY.equals(config.encryptionKey())) {
            LOG.warn("Personal data is protected with the public DEMO key: set ASSISTANCE_PERSONAL_DATA_ENCRYPTION_KEY "
                    + "and ASSISTANCE_PERSONAL_DATA_HMAC_KEY outside the local stack");
        }
        this.encryptionKey = new SecretKeySpec(aes, "AES");
        this.hmacKey = new SecretKeySpec(mac, "HmacSHA256");
    }

    public String encrypt(String clear) {
        if (clear == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    public String decrypt(String sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            byte[] all = Base64.getDecoder().decode(sealed);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Decryption failed", e);
        }
    }

    /** Hex HMAC-SHA256: equal for equal input, useless without the key. */
    public String lookupHash(String clear) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hmacKey);
            return HexFormat.of().formatHex(mac.doFinal(clear.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Hashing failed", e);
        }
    }
}
