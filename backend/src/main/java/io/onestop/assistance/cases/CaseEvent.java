package io.onestop.assistance.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** One entry of a case's timeline: who (subject and role), when, what, and their note. Never changed. */
@Entity
@Table(name = "case_event")
public class CaseEvent {

    /** Actions other than a step change. */
    public static final String TRANSITION = "TRANSITION";
    public static final String VERIFICATION = "VERIFICATION";
    public static final String OBJECTION = "OBJECTION";
    /** Hotline staff handed the case to the caseworker queue on a caller's behalf (details: callReference). */
    public static final String HOTLINE_HANDOFF = "HOTLINE_HANDOFF";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "intake_id", nullable = false)
    public UUID intakeId;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "actor_subject", nullable = false)
    public String actorSubject;

    @Column(name = "actor_role", nullable = false)
    public String actorRole;

    @Column(nullable = false)
    public String action;

    @Column(name = "from_step")
    public String fromStep;

    @Column(name = "to_step")
    public String toStep;

    public String note;

    /** Codes only (documents asked for, reason code): no personal data. */
    @ColumnTransformer(read = "details::text", write = "?::text::jsonb")
    public String details;
}
