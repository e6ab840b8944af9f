package io.onestop.assistance.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * The part of an intake that one program (one agency) handles. Created by fan-out at submission; its workflow
 * belongs to the cases context, which takes it over from status SUBMITTED.
 */
@Entity
@Table(name = "program_case")
public class ProgramCase {

    public static final String SUBMITTED = "SUBMITTED";
    public static final String WITHDRAWN = "WITHDRAWN";
    public static final String CLOSED = "CLOSED";

    @Id
    public UUID id;

    @Column(name = "intake_id", nullable = false)
    public UUID intakeId;

    @Column(nullable = false)
    public String program;

    @Column(nullable = false)
    public String agency;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String verdict;

    @Column(nullable = false)
    public boolean urgent;

    @Column(name = "estimate_amount", nullable = false)
    public BigDecimal estimateAmount;

    @Column(name = "estimate_period", nullable = false)
    public String estimatePeriod;

    @Column(nullable = false)
    public String[] members;

    @Column(name = "closed_reason")
    public String closedReason;

    @Column(name = "opened_at", nullable = false)
    public OffsetDateTime openedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    // Workflow state, written by the cases context (see cases.workflow.CaseStateMachine).

    @Column(name = "step_entered_at")
    public OffsetDateTime stepEnteredAt;

    /** Which time limit runs now (cases.workflow.DeadlineKind), or null. */
    @Column(name = "deadline_kind")
    public String deadlineKind;

    /** When the running time limit expires; null while paused or when none runs. */
    @Column(name = "due_at")
    public OffsetDateTime dueAt;

    @Column(name = "paused_at")
    public OffsetDateTime pausedAt;

    @Column(name = "due_before_pause")
    public OffsetDateTime dueBeforePause;

    /** The step a case waiting for documents goes back to when the resident answers. */
    @Column(name = "returned_from")
    public String returnedFrom;

    @Column(name = "requested_documents")
    public String[] requestedDocuments;

    @Column(name = "accepted_at")
    public OffsetDateTime acceptedAt;

    /** The public id of the case's public notice entry; never the case id. */
    @Column(name = "notice_id")
    public UUID noticeId;

    @Column(name = "notice_ends_on")
    public LocalDate noticeEndsOn;

    @Version
    public int version;
}
