package io.onestop.assistance.hotline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A draft prepared on the phone (代办). The draft belongs to the resident (owner key {@code resident:<id>}), who
 * confirms and submits it on their own device after real-name binding; only where they cannot does the staff member
 * submit it on verbal consent, recorded here with who took it and on which consent text.
 */
@Entity
@Table(name = "hotline_assisted_draft")
public class AssistedDraft {

    @Id
    @Column(name = "draft_id")
    public UUID draftId;

    @Column(name = "call_id", nullable = false)
    public UUID callId;

    @Column(name = "resident_id", nullable = false)
    public UUID residentId;

    @Column(name = "prepared_by", nullable = false)
    public String preparedBy;

    @Column(name = "prepared_at", nullable = false)
    public OffsetDateTime preparedAt;

    @Column(name = "submitted_intake_id")
    public UUID submittedIntakeId;

    @Column(name = "verbal_consent_at")
    public OffsetDateTime verbalConsentAt;

    @Column(name = "verbal_consent_taken_by")
    public String verbalConsentTakenBy;

    @Column(name = "consent_text_version")
    public String consentTextVersion;
}
