package io.onestop.assistance.notify.sms;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where text messages go. */
@ConfigMapping(prefix = "assistance.sms")
public interface SmsConfig {

    /** The provider's send endpoint; by default the local platform simulator that infra/bin/run-local starts. */
    @WithDefault("http://127.0.0.1:8089/sms/send")
    String url();

    /** How long one send may take before it counts as failed (the caller retries later, never blocks). */
    @WithDefault("5s")
    Duration timeout();
}
