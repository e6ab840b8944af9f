package io.onestop.assistance.hotline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A note the staff member writes during or after a call; staff only, never shown to the household. */
@Entity
@Table(name = "hotline_call_note")
public class CallNote {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "call_id", nullable = false)
    public UUID callId;

    @Column(name = "written_at", nullable = false)
    public OffsetDateTime writtenAt;

    @Column(name = "staff_subject", nullable = false)
    public String staffSubject;

    @Column(nullable = false)
    public String text;
}
