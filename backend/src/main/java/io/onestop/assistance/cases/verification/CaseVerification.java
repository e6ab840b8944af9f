package io.onestop.assistance.cases.verification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** One run of the economic-status verification of a case; the newest is the one in force. */
@Entity
@Table(name = "case_verification")
public class CaseVerification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "performed_at", nullable = false)
    public OffsetDateTime performedAt;

    @Column(name = "performed_by", nullable = false)
    public String performedBy;

    @Column(nullable = false)
    public int discrepancies;

    /** {@link VerificationResult} as JSON: member ids, field codes and amounts, no identifiers. */
    @ColumnTransformer(read = "result::text", write = "?::text::jsonb")
    @Column(nullable = false)
    public String result;
}
