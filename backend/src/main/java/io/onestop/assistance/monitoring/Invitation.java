package io.onestop.assistance.monitoring;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An invitation to apply (政策找人): the prefilled draft it created and why the person was contacted. */
@Entity
@Table(name = "monitoring_invitation")
public class Invitation {

    @Id
    public UUID id;

    @Column(name = "warning_id", nullable = false)
    public UUID warningId;

    @Column(name = "resident_id", nullable = false)
    public UUID residentId;

    @Column(name = "national_id_hash", nullable = false)
    public String nationalIdHash;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @Column(name = "draft_id", nullable = false)
    public UUID draftId;

    @Column(name = "reason_zh", nullable = false)
    public String reasonZh;

    @Column(name = "likely_programs", nullable = false)
    public String[] likelyPrograms;

    @Column(name = "invited_by", nullable = false)
    public String invitedBy;

    @Column(name = "invited_at", nullable = false)
    public OffsetDateTime invitedAt;

    @Column(name = "opted_out_at")
    public OffsetDateTime optedOutAt;
}
