package io.onestop.assistance.cases.verification;

import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Who of the household has consented to verification; only adults must. No identifiers, only member ids. */
@Schema(name = "ConsentStatus", example = """
        {"complete":false,"members":[
          {"memberId":"m1","relationship":"APPLICANT","adult":true,"signed":true,"signedAt":"2026-11-22T09:00:00+08:00","channel":"SUBMISSION"},
          {"memberId":"m2","relationship":"SPOUSE","adult":true,"signed":true,"signedAt":"2026-11-23T10:00:00+08:00",
           "channel":"HOTLINE_VERBAL","consentTextVersion":"2026-01","byGuardian":false,"revokedAt":null},
          {"memberId":"m3","relationship":"CHILD","adult":false,"signed":false,"signedAt":null,"channel":null}]}""")
public record ConsentView(boolean complete, List<MemberConsent> members) {

    public record MemberConsent(String memberId, String relationship, boolean adult, boolean signed,
            OffsetDateTime signedAt, String channel,
            @Schema(description = "Version of the consent text signed", nullable = true) String consentTextVersion,
            @Schema(description = "A guardian signed for this member") boolean byGuardian,
            @Schema(description = "When the consent was revoked; signed is then false", nullable = true) OffsetDateTime revokedAt) {
    }

    /** Adults whose consent is missing, as "m2 (SPOUSE)". */
    public List<String> missing() {
        return members.stream().filter(m -> m.adult() && !m.signed())
                .map(m -> m.memberId() + " (" + m.relationship() + ")").toList();
    }
}
