package io.onestop.assistance.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A warning raised by one rule from one signal: it waits in the queue of the person's region (OPEN, then VISITED
 * after a home visit) until a caseworker dismisses it or invites the household.
 */
@Entity
@Table(name = "monitoring_warning")
public class Warning {

    public enum Status { OPEN, VISITED, DISMISSED, INVITED }

    @Id
    public UUID id;

    @Column(name = "signal_id", nullable = false)
    public UUID signalId;

    @Column(nullable = false)
    public String rule;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WarningLevel level;

    @Column(name = "level_rank", nullable = false)
    public int levelRank;

    @Column(name = "reason_zh", nullable = false)
    public String reasonZh;

    @Column(name = "national_id_hash", nullable = false)
    public String nationalIdHash;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(nullable = false)
    public String agency;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "dismiss_reason")
    public String dismissReason;

    @Version
    public int version;

    public boolean isOpen() {
        return status == Status.OPEN || status == Status.VISITED;
    }
}
