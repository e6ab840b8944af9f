package io.onestop.assistance.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A login identity (token subject) bound to a resident; permanent once written. */
@Entity
@Table(name = "resident_identity")
public class ResidentIdentity {

    @Id
    public String subject;

    @Column(nullable = false)
    public String tenant;

    @Column(name = "resident_id", nullable = false)
    public UUID residentId;

    @Column(name = "bound_at", nullable = false)
    public OffsetDateTime boundAt;
}
