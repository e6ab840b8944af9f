package io.onestop.assistance.delegation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One no-account status query; {@code intakeId} is null when the intake number and id digits did not match. */
@Entity
@Table(name = "status_query")
public class StatusQuery {

    @Id
    public UUID id;

    @Column(name = "intake_id")
    public UUID intakeId;

    /** Keyed hash of the query id and the code: the code itself is never stored. */
    @Column(name = "code_hash", nullable = false)
    public String codeHash;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "expires_at", nullable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
