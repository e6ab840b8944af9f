package io.onestop.assistance.miniprogram.platform;

/** The platform answered a non-zero errcode. Carries the errcode only: platform messages may echo request data. */
public class PlatformException extends RuntimeException {

    /** -1: the platform is busy; the only answer worth retrying. */
    public static final int BUSY = -1;
    /** The login code is invalid or expired: the mini program must call wx.login again. */
    public static final int INVALID_CODE = 40029;
    /** Our app exceeded the platform's per-minute quota. */
    public static final int RATE_LIMITED = 45011;
    /** The platform blocked this user (high-risk account). */
    public static final int BLOCKED_USER = 40226;

    /** Our access token is invalid (40001) or expired (42001): fetch a new one and try once more. */
    public static final int INVALID_ACCESS_TOKEN = 40001;
    public static final int EXPIRED_ACCESS_TOKEN = 42001;

    private final int errcode;

    public PlatformException(int errcode) {
        super("platform errcode " + errcode, null, false, false);
        this.errcode = errcode;
    }

    public int errcode() {
        return errcode;
    }

    public boolean busy() {
        return errcode == BUSY;
    }

    public boolean accessTokenRefused() {
        return errcode == INVALID_ACCESS_TOKEN || errcode == EXPIRED_ACCESS_TOKEN;
    }
}
