package io.onestop.assistance.cases.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An adult member's signed consent to economic-status verification (授权书), one per member of an intake. */
@Entity
@Table(name = "verification_consent")
@IdClass(VerificationConsent.Key.class)
public class VerificationConsent {

    public record Key(UUID intakeId, String memberId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "intake_id")
    public UUID intakeId;

    @Id
    @Column(name = "member_id")
    public String memberId;

    /** Look-up hash of the signer's national id: the key of their agency records; the id itself is not kept. */
    @Column(name = "national_id_hash", nullable = false)
    public String nationalIdHash;

    @Column(name = "signed_at", nullable = false)
    public OffsetDateTime signedAt;

    /**
     * How the consent was given: WEB (ONLINE before V9), MINI_PROGRAM or HOTLINE_VERBAL; SUBMISSION stands for the
     * applicant's consent given when submitting (no row is stored for it unless it is revoked or given verbally).
     */
    @Column(nullable = false)
    public String channel;

    /** Who recorded it: the resident's owner key, or the hotline staff member who took the verbal consent. */
    @Column(name = "signed_by_subject", nullable = false)
    public String signedBySubject;

    @Column(name = "consent_text_version")
    public String consentTextVersion;

    /** Set when a guardian signed for an adult member who cannot sign themself. */
    @Column(name = "guardian_name")
    public String guardianName;

    /** The hotline call in which a verbal consent was taken. */
    @Column(name = "call_reference")
    public String callReference;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoked_by_subject")
    public String revokedBySubject;

    public boolean inForce() {
        return revokedAt == null;
    }
}
