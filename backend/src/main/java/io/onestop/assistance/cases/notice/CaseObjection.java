package io.onestop.assistance.cases.notice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** An objection to a public notice, from anyone; shown to staff only. */
@Entity
@Table(name = "case_objection")
public class CaseObjection {

    @Id
    public UUID id;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Column(name = "received_at", nullable = false)
    public OffsetDateTime receivedAt;

    @Column(nullable = false)
    public String text;
}
