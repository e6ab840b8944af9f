package io.onestop.assistance.miniprogram.platform;

/** The platform answered something unusable (not JSON, no openid): not retried, since the code may be spent. */
public class PlatformUnavailableException extends RuntimeException {

    public PlatformUnavailableException() {
        super("platform answer unusable", null, false, false);
    }
}
