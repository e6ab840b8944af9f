package io.onestop.assistance.miniprogram.platform;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What the gateway keeps of a code-to-session answer. {@code session_key} is deliberately absent: the gateway needs
 * it for nothing (phone numbers come through the phone-number API), so it is never held, logged or stored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlatformSession(Integer errcode, String openid, String unionid) {
}
