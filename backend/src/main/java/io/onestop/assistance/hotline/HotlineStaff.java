package io.onestop.assistance.hotline;

/**
 * A hotline staff member: token subject and region claim. The hotline is a city line, so its reach is the city of
 * the staff member's region (the first {@link HotlineConfig#scopePrefixLength()} digits), not the county or agency
 * that case staff are scoped by; a token without a region reaches nothing.
 */
public record HotlineStaff(String subject, String regionCode) {

    public boolean reaches(String intakeRegion, int prefixLength) {
        if (regionCode == null || regionCode.length() < prefixLength || intakeRegion == null) {
            return false;
        }
        return intakeRegion.startsWith(regionCode.substring(0, prefixLength));
    }
}
