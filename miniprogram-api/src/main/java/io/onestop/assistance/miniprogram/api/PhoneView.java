package io.onestop.assistance.miniprogram.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The verified phone number, masked like every phone number the API answers. */
@Schema(name = "PhoneView", example = """
        {"phone":"138****5678","countryCode":"86","verified":true}""")
public record PhoneView(String phone, String countryCode, boolean verified) {

    static PhoneView masked(String number, String countryCode) {
        String masked = number.length() == 11 ? number.substring(0, 3) + "****" + number.substring(7) : "****";
        return new PhoneView(masked, countryCode, true);
    }
}
