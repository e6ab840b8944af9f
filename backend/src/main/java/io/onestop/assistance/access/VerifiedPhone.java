package io.onestop.assistance.access;

import io.onestop.assistance.common.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A phone number the platform verified for the caller, read from the caller's token.
 *
 * <p>Why a claim and why only from the {@code miniprogram} tenant: only the platform can prove that a person holds a
 * number (its getPhoneNumber exchange, which needs the app secret that only the gateway has). After the exchange the
 * gateway signs a short-lived token (minutes) for the same subject carrying {@value #NUMBER_CLAIM}, and calls
 * {@code PUT /api/v1/me/phone} with it; that token never reaches the mini program. Backend verifies it like every
 * gateway token (signature against the gateway's JWKS, issuer, audience, expiry), so a number in a request body, or
 * in any other issuer's token, proves nothing: Keycloak tokens may carry a self-edited {@code phone_number}, and the
 * claim name is the gateway's own so that no other issuer's standard claim is mistaken for it.
 */
public record VerifiedPhone(String number, String countryCode) {

    /** The tenant whose tokens are signed by the mini-program gateway (application.properties). */
    public static final String GATEWAY_TENANT = "miniprogram";
    public static final String NUMBER_CLAIM = "verified_phone";
    public static final String COUNTRY_CLAIM = "verified_phone_country";

    /** The verified number of this caller; 403 problem when the token does not carry one from the gateway. */
    public static VerifiedPhone of(SecurityIdentity identity) {
        String tenant = identity.getAttribute("tenant-id");
        Object claim = GATEWAY_TENANT.equals(tenant) && identity.getPrincipal() instanceof JsonWebToken token
                ? token.getClaim(NUMBER_CLAIM) : null;
        if (claim == null) {
            throw new ProblemException(403, "phone-not-verified", "Forbidden",
                    "手机号须经小程序验证后绑定 / only a phone number verified by the mini program can be bound", null);
        }
        String number = claim.toString();
        Object country = ((JsonWebToken) identity.getPrincipal()).getClaim(COUNTRY_CLAIM);
        String countryCode = country == null ? "86" : country.toString();
        // A mainland mobile number has 11 digits starting with 1; other country codes: digits only, ITU-T E.164 length.
        boolean valid = "86".equals(countryCode) ? number.matches("1\\d{10}") : number.matches("\\d{4,15}");
        if (!valid || !countryCode.matches("\\d{1,4}")) {
            throw ProblemException.invalid(NUMBER_CLAIM, "手机号格式不正确 / not a phone number");
        }
        return new VerifiedPhone(number, countryCode);
    }
}
