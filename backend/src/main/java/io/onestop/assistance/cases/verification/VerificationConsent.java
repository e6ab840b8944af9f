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

    /** ONLINE or MINI_PROGRAM; SUBMISSION stands for the applicant's consent given when submitting. */
    @Column(nullable = false)
    public String channel;

    @Column(name = "signed_by_subject", nullable = false)
    public String signedBySubject;
}
