package io.onestop.assistance.miniprogram.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The code from {@code wx.login} (valid 5 minutes, single use). */
@Schema(name = "SessionRequest", example = """
        {"code":"0a3Bcd000abcDE1xYz2Fgh3IjK3Bcd0A"}""")
public record SessionRequest(@NotBlank @Size(max = 128) String code) {
}
