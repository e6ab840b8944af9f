package io.onestop.assistance.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** One submitted application of a household ("one-thing intake"); it fans out into program cases. */
@Entity
@Table(name = "intake")
public class Intake {

    public enum Status {
        ACTIVE, WITHDRAWN, CLOSED
    }

    @Id
    public UUID id;

    @Column(name = "intake_number", nullable = false, unique = true)
    public String intakeNumber;

    @Column(name = "owner_subject", nullable = false)
    public String ownerSubject;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "applicant_name", nullable = false)
    public String applicantName;

    /** AES-GCM cipher text; never leaves the service unmasked except through the audited reveal. */
    @Column(name = "applicant_national_id_enc", nullable = false)
    public String applicantNationalIdEncrypted;

    /** HMAC of the national id: finds an applicant's other intakes without decrypting. */
    @Column(name = "applicant_national_id_hash", nullable = false)
    public String applicantNationalIdHash;

    @Column(name = "applicant_phone_enc")
    public String applicantPhoneEncrypted;

    /** HMAC of the phone: the hotline finds a caller's intakes by phone (null for intakes before V9). */
    @Column(name = "applicant_phone_hash")
    public String applicantPhoneHash;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(nullable = false)
    public String hukou;

    @Column(name = "member_count", nullable = false)
    public int memberCount;

    @Column(name = "per_capita_income", nullable = false)
    public BigDecimal perCapitaIncome;

    /** Number of the evaluation in force: 1 at submission, +1 per change of circumstances. */
    @Column(nullable = false)
    public int revision;

    @Column(name = "parameter_version", nullable = false)
    public String parameterVersion;

    // Read as text, written as text cast to jsonb (here and on the other jsonb columns; a bare ?::jsonb makes the PG client
    // send the String as a JSON string). Mapped as JSON, the PG client parsed each
    // value into a JsonObject that Hibernate then wrote back to this String, a tenth of a status read's CPU (issue #10).
    @ColumnTransformer(read = "household::text", write = "?::text::jsonb")
    @Column(nullable = false)
    public String household;

    @ColumnTransformer(read = "evaluation::text", write = "?::text::jsonb")
    @Column(nullable = false)
    public String evaluation;

    @Column(name = "chosen_programs")
    public String[] chosenPrograms;

    public String situation;

    @Column(name = "consent_at", nullable = false)
    public OffsetDateTime consentAt;

    @Column(name = "submitted_at", nullable = false)
    public OffsetDateTime submittedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;
}
