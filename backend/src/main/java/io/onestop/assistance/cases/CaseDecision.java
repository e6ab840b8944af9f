package io.onestop.assistance.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * The approver's decision and what it rests on: the intake snapshot (revision) and parameter version in force, with
 * the program's verdict and estimate as evaluated then, so it can be reproduced later whatever changed since.
 */
@Entity
@Table(name = "case_decision")
public class CaseDecision {

    @Id
    @Column(name = "case_id")
    public UUID caseId;

    @Column(name = "intake_id", nullable = false)
    public UUID intakeId;

    /** APPROVED or REJECTED. */
    @Column(nullable = false)
    public String outcome;

    @Column(name = "reason_code")
    public String reasonCode;

    @Column(name = "reason_zh")
    public String reasonZh;

    @Column(name = "reason_en")
    public String reasonEn;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_role", nullable = false)
    public String decidedRole;

    @Column(name = "decided_at", nullable = false)
    public OffsetDateTime decidedAt;

    @Column(name = "intake_revision", nullable = false)
    public int intakeRevision;

    @Column(name = "parameter_version", nullable = false)
    public String parameterVersion;

    @Column(nullable = false)
    public String verdict;

    @Column(name = "estimate_amount", nullable = false)
    public BigDecimal estimateAmount;

    @Column(name = "estimate_period", nullable = false)
    public String estimatePeriod;

    @ColumnTransformer(read = "program_result::text", write = "?::text::jsonb")
    @Column(name = "program_result", nullable = false)
    public String programResult;
}
