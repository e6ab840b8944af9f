package io.onestop.assistance.documents;

import io.onestop.assistance.programs.DocumentType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One uploaded document of a draft or an intake (exactly one of the two). The bytes live in S3 under
 * {@link #objectKey}; this row says what they are and whether they count.
 */
@Entity
@Table(name = "document")
public class Document {

    @Id
    public UUID id;

    @Column(name = "owner_subject", nullable = false)
    public String ownerSubject;

    @Column(name = "draft_id")
    public UUID draftId;

    @Column(name = "intake_id")
    public UUID intakeId;

    @Enumerated(EnumType.STRING)
    @Column(name = "document_type", nullable = false)
    public DocumentType type;

    @Column(name = "member_id")
    public String memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DocumentStatus status;

    @Column(name = "object_key", nullable = false, unique = true)
    public String objectKey;

    /** Sniffed from the content, never taken from the client. */
    @Column(name = "content_type")
    public String contentType;

    /** What a presigned upload announced; the object must have exactly this size. */
    @Column(name = "declared_size")
    public Long declaredSize;

    /** Size of the stored (cleaned) bytes. */
    @Column(name = "size_bytes")
    public Long sizeBytes;

    /** SHA-256 of the stored bytes, hex. */
    public String sha256;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "upload_expires_at")
    public OffsetDateTime uploadExpiresAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    @Version
    public int version;

    /** The draft or intake that holds this document. */
    public UUID holderId() {
        return intakeId != null ? intakeId : draftId;
    }
}
