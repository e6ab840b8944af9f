package io.onestop.assistance.miniprogram.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The mini program's answer shape: always HTTP 200 with {@code errcode} 0 on success (401 only for a missing or
 * expired token), the platform convention that {@code wx.request} callers expect.
 */
@Schema(name = "Envelope", example = """
        {"errcode":0,"errmsg":"ok","data":{}}""")
public record Envelope<T>(int errcode, String errmsg, T data) {

    public static <T> Envelope<T> ok(T data) {
        return new Envelope<>(0, "ok", data);
    }

    public static <T> Envelope<T> error(ErrorCode code, String message) {
        return new Envelope<>(code.errcode, message == null ? code.defaultMessage : message, null);
    }
}
