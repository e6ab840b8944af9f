package io.onestop.assistance.miniprogram.notify;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Calls from backend to the gateway's internal endpoints (subscribe-message sends). */
@ConfigMapping(prefix = "assistance.internal")
public interface InternalConfig {

    /** The public development secret; backend ships the same one. Never use it outside the local stack. */
    String DEV_SECRET = "dev-only-miniprogram-internal-secret";

    /**
     * The shared secret backend sends as {@code Authorization: Bearer ...} (env MINIPROGRAM_INTERNAL_SECRET, the same
     * value in backend). Keep {@code /internal} off the public ingress as well: only backend calls it.
     */
    @WithDefault(DEV_SECRET)
    String secret();
}
