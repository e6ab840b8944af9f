package io.onestop.assistance.miniprogram.platform;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Where the WeChat-style platform API is and who we are there. The defaults point at the local platform simulator
 * (module {@code platform-simulator}, port 8089); a real deployment sets the platform's URL, app id and secret.
 */
@ConfigMapping(prefix = "assistance.platform")
public interface PlatformConfig {

    /** Base URL of the platform API (env PLATFORM_BASE_URL); the real one is https://api.weixin.qq.com. */
    @WithDefault("http://127.0.0.1:8089")
    String baseUrl();

    /** The mini program's app id (env PLATFORM_APP_ID); the default is the simulator's. */
    @WithDefault("wx00000000sim00001")
    String appId();

    /** The mini program's app secret (env PLATFORM_APP_SECRET); never logged. The default is the simulator's. */
    @WithDefault("simulator-secret")
    String appSecret();

    /** Connect timeout for platform calls: a login should fail fast with 50300 rather than hang. */
    @WithDefault("2S")
    Duration connectTimeout();

    /** Read timeout for platform calls. */
    @WithDefault("5S")
    Duration readTimeout();

    /** Retries after the platform answers -1 (busy); other errcodes are never retried. */
    @WithDefault("2")
    int busyRetries();

    /** First back-off after a busy answer; it doubles (with jitter) up to {@link #busyMaxBackoff()}. */
    @WithDefault("100MS")
    Duration busyBackoff();

    /** Longest back-off between busy retries, so a login answers within a few seconds either way. */
    @WithDefault("1S")
    Duration busyMaxBackoff();
}
