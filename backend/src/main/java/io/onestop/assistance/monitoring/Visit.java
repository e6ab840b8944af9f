package io.onestop.assistance.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A door-to-door check (入户调查 / 铁脚板摸排) recorded on a warning. */
@Entity
@Table(name = "monitoring_visit")
public class Visit {

    /** What the caseworker found at the door. */
    public enum Outcome { IN_DIFFICULTY, NOT_IN_DIFFICULTY, NOT_AT_HOME, MOVED_AWAY }

    @Id
    public UUID id;

    @Column(name = "warning_id", nullable = false)
    public UUID warningId;

    @Column(name = "visited_on", nullable = false)
    public LocalDate visitedOn;

    @Column(nullable = false)
    public String outcome;

    public String note;

    @Column(name = "visited_by", nullable = false)
    public String visitedBy;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
