package io.onestop.assistance.miniprogram.api;

/** An answer decided by the gateway itself; {@link EnvelopeMapper} turns it into the envelope. */
public class GatewayException extends RuntimeException {

    private final ErrorCode code;

    public GatewayException(ErrorCode code, String message) {
        super(message == null ? code.defaultMessage : message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
