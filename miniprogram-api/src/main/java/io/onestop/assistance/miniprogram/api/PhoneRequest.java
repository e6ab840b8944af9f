package io.onestop.assistance.miniprogram.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The code from the getPhoneNumber button ({@code e.detail.code}; valid 5 minutes, single use). */
@Schema(name = "PhoneRequest", example = """
        {"code":"e31968a7f94cc5ee25fafc2aef2773f0bb8c3937b22520eb8ee345274d00c144"}""")
public record PhoneRequest(@NotBlank @Size(max = 128) String code) {
}
