package io.onestop.assistance.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A grant started by staff without an application (免申即享), e.g. the old-age allowance at 80. */
@Entity
@Table(name = "monitoring_direct_grant")
public class DirectGrant {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String program;

    @Column(name = "resident_id", nullable = false)
    public UUID residentId;

    @Column(name = "national_id_hash", nullable = false)
    public String nationalIdHash;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(nullable = false)
    public BigDecimal amount;

    @Column(nullable = false)
    public String period;

    @Column(name = "starts_on", nullable = false)
    public LocalDate startsOn;

    @Column(name = "parameter_version", nullable = false)
    public String parameterVersion;

    @Column(name = "started_by", nullable = false)
    public String startedBy;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;
}
