package io.onestop.assistance.access;

import io.quarkus.security.identity.SecurityIdentity;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The key under which a caller's own things are stored: {@code resident:<id>} once the login is real-name bound
 * (so the web and mini-program logins of one person share everything), the token subject before that and for staff.
 * Set on the identity by {@link ResidentIdentityAugmentor}.
 */
public final class OwnerKeys {

    static final String OWNER_KEY = "assistance.owner-key";
    static final String RESIDENT_ID = "assistance.resident-id";

    private OwnerKeys() {
    }

    public static String of(SecurityIdentity identity) {
        String key = identity.getAttribute(OWNER_KEY);
        return key != null ? key : subject(identity);
    }

    /** The bound resident's id, or null before real-name binding (and for staff). */
    public static java.util.UUID residentId(SecurityIdentity identity) {
        return identity.getAttribute(RESIDENT_ID);
    }

    public static String subject(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken token ? token.getSubject() : identity.getPrincipal().getName();
    }
}
