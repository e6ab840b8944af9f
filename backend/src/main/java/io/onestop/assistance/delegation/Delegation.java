package io.onestop.assistance.delegation;

import io.onestop.assistance.access.DelegationScope;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One resident's access to another's intake, within a scope, until an end date; see V7__delegation.sql. */
@Entity
@Table(name = "delegation")
public class Delegation {

    @Id
    public UUID id;

    @Column(name = "intake_id", nullable = false)
    public UUID intakeId;

    @Column(name = "delegate_resident_id", nullable = false)
    public UUID delegateResidentId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DelegationScope scope;

    /** The last day the delegation works, inclusive, in China time. */
    @Column(name = "ends_on", nullable = false)
    public LocalDate endsOn;

    /** Owner key of the applicant, or the token subject of the caseworker who granted it. */
    @Column(name = "granted_by", nullable = false)
    public String grantedBy;

    @Column(name = "granted_by_role", nullable = false)
    public String grantedByRole;

    public String reason;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "revoked_by")
    public String revokedBy;

    public boolean isActiveOn(LocalDate day) {
        return revokedAt == null && !endsOn.isBefore(day);
    }
}
