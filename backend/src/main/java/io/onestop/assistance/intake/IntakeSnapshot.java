package io.onestop.assistance.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** An immutable copy of the household and its evaluation, kept so any decision can be reproduced later. */
@Entity
@Table(name = "intake_snapshot")
@IdClass(IntakeSnapshot.Key.class)
public class IntakeSnapshot {

    public record Key(UUID intakeId, int revision) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "intake_id")
    public UUID intakeId;

    @Id
    public int revision;

    /** SUBMISSION or CHANGE_OF_CIRCUMSTANCES. */
    @Column(nullable = false)
    public String reason;

    @ColumnTransformer(read = "household::text", write = "?::text::jsonb")
    @Column(nullable = false)
    public String household;

    @ColumnTransformer(read = "evaluation::text", write = "?::text::jsonb")
    @Column(nullable = false)
    public String evaluation;

    @Column(name = "parameter_version", nullable = false)
    public String parameterVersion;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
