package io.onestop.assistance.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One signal of another agency about one person, as received (see V10__monitoring.sql). */
@Entity
@Table(name = "monitoring_signal")
public class Signal {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String source;

    /** The sending agency's own id of the signal. */
    @Column(name = "signal_key", nullable = false)
    public String signalKey;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SignalType type;

    @Column(name = "national_id_enc", nullable = false)
    public String nationalIdEncrypted;

    @Column(name = "national_id_hash", nullable = false)
    public String nationalIdHash;

    @Column(name = "person_name", nullable = false)
    public String personName;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(name = "occurred_on", nullable = false)
    public LocalDate occurredOn;

    public BigDecimal amount;

    @Column(name = "disability_grade")
    public Integer disabilityGrade;

    public String program;

    @Column(name = "batch_id", nullable = false)
    public UUID batchId;

    @Column(name = "received_via", nullable = false)
    public String receivedVia;

    @Column(name = "received_by", nullable = false)
    public String receivedBy;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;
}
