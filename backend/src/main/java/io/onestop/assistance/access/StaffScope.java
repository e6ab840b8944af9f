package io.onestop.assistance.access;

import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What a staff member may see: cases of their own agency in their own region. Region codes nest (GB/T 2260:
 * county 140105, township 140105001), so a county approver sees its townships' cases and a township caseworker the
 * cases of the county their township belongs to (intakes carry the household's county code). Built from the
 * Keycloak claims {@code agency} and {@code regionCode}; a token without them sees nothing.
 */
public record StaffScope(String agency, String regionCode, Set<String> roles) {

    public static StaffScope of(JsonWebToken token, Set<String> roles) {
        return new StaffScope(token.getClaim("agency"), token.getClaim("regionCode"), roles);
    }

    public boolean covers(String caseAgency, String caseRegion) {
        if (agency == null || regionCode == null || caseAgency == null || caseRegion == null) {
            return false;
        }
        return agency.equals(caseAgency) && (caseRegion.startsWith(regionCode) || regionCode.startsWith(caseRegion));
    }

    /** The JPQL condition of {@link #covers} for a case alias {@code c} with parameters :agency and :region. */
    public static final String JPQL_CONDITION =
            "c.agency = :agency and (c.regionCode like concat(:region, '%') or :region like concat(c.regionCode, '%'))";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }
}
