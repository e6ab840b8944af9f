package io.onestop.assistance.intake;

import io.onestop.assistance.access.NationalId;
import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.common.JsonCodec;
import io.onestop.assistance.intake.api.ApplicantDetails;
import io.onestop.assistance.intake.api.ApplicantView;
import jakarta.enterprise.context.ApplicationScoped;

/** Seals applicant details for storage and masks them for answers; the only place that sees them in clear. */
@ApplicationScoped
public class ApplicantCodec {

    private final PersonalDataProtector protector;
    private final JsonCodec json;

    public ApplicantCodec(PersonalDataProtector protector, JsonCodec json) {
        this.protector = protector;
        this.json = json;
    }

    public String seal(ApplicantDetails details) {
        if (details == null) {
            return null;
        }
        return protector.encrypt(json.write(details));
    }

    public ApplicantDetails open(String sealed) {
        if (sealed == null) {
            return null;
        }
        return json.read(protector.decrypt(sealed), ApplicantDetails.class);
    }

    /**
     * Merges an update into what is stored: a client that echoes the masked id or phone of the draft view keeps
     * the stored value, so a resident never has to type their id again.
     */
    public ApplicantDetails merge(ApplicantDetails stored, ApplicantDetails update) {
        if (update == null || stored == null) {
            return update;
        }
        return new ApplicantDetails(update.name(),
                isMasked(update.nationalId()) ? stored.nationalId() : NationalId.normalize(update.nationalId()),
                isMasked(update.phone()) ? stored.phone() : update.phone(),
                update.address());
    }

    public static ApplicantView view(ApplicantDetails details) {
        if (details == null) {
            return null;
        }
        return new ApplicantView(details.name(),
                details.nationalId() == null ? null : NationalId.mask(details.nationalId()),
                details.phone() == null ? null : NationalId.maskPhone(details.phone()),
                details.address());
    }

    private static boolean isMasked(String value) {
        return value != null && value.contains("*");
    }
}
