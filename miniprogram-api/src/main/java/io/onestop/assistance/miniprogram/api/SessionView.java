package io.onestop.assistance.miniprogram.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Our resident token: send it as {@code Authorization: Bearer <token>}; log in again after {@code expiresAt}. */
@Schema(name = "SessionView", example = """
        {"token":"eyJraWQiOi...","tokenType":"Bearer","expiresIn":7200,"expiresAt":"2026-11-23T20:00:00Z"}""")
public record SessionView(String token, String tokenType, long expiresIn, Instant expiresAt) {
}
