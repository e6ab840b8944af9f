package io.onestop.assistance.miniprogram.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The verified phone number, masked like every phone number the API answers, and whether it is now bound. */
@Schema(name = "PhoneView", example = """
        {"phone":"138****5678","countryCode":"86","verified":true,"bound":true}""")
public record PhoneView(String phone, String countryCode, boolean verified,
        @Schema(description = "true: bound to my resident record (GET /mp/v1/me shows it). false: no real-name binding "
                + "yet; do PUT /mp/v1/me/real-name, then ask getPhoneNumber again (its code is single use)")
        boolean bound) {

    static PhoneView masked(String number, String countryCode, boolean bound) {
        String masked = number.length() == 11 ? number.substring(0, 3) + "****" + number.substring(7) : "****";
        return new PhoneView(masked, countryCode, true, bound);
    }
}
