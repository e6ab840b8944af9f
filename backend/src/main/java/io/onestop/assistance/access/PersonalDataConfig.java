package io.onestop.assistance.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Keys that protect national id and phone numbers at rest. */
@ConfigMapping(prefix = "assistance.personal-data")
public interface PersonalDataConfig {

    /** Well-known demo keys: fine for the local stack, refused nowhere but logged loudly (see PersonalDataProtector). */
    String DEMO_ENCRYPTION_KEY = "ZGVtby1vbmx5LWVuY3J5cHRpb24ta2V5LTMyLWJ5dGU=";
    String DEMO_HMAC_KEY = "ZGVtby1vbmx5LWxvb2t1cC1obWFjLWtleS0zMi1ieXRl";

    /** AES-256-GCM key, base64 of 32 bytes. Set ASSISTANCE_PERSONAL_DATA_ENCRYPTION_KEY in production. */
    @WithDefault(DEMO_ENCRYPTION_KEY)
    String encryptionKey();

    /** HMAC-SHA256 key for look-up hashes, base64 of at least 32 bytes. Set ASSISTANCE_PERSONAL_DATA_HMAC_KEY in production. */
    @WithDefault(DEMO_HMAC_KEY)
    String hmacKey();
}
