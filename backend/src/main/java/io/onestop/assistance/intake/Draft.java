package io.onestop.assistance.intake;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A resident's unfinished application, saved and resumed at will. Its household may be incomplete: it is
 * validated only when screened or submitted. JSON columns hold serialized DTOs; the service maps them.
 */
@Entity
@Table(name = "draft")
public class Draft {

    @Id
    public UUID id;

    @Column(name = "owner_subject", nullable = false)
    public String ownerSubject;

    /** Optimistic lock, and the ETag / If-Match value of the API. */
    @Version
    public int version;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "member_count")
    public Integer memberCount;

    @ColumnTransformer(read = "household::text", write = "?::text::jsonb")
    @Column(nullable = false)
    public String household;

    /** The applicant's identity and contact details as AES-GCM cipher text of their JSON. */
    @Column(name = "applicant_enc")
    public String applicantEncrypted;

    @Column(name = "chosen_programs")
    public String[] chosenPrograms;

    public String situation;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
