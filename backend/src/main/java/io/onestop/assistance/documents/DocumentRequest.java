package io.onestop.assistance.documents;

import io.onestop.assistance.programs.DocumentType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** 补正材料: a caseworker's request for a document of one type (for one member, or any) for one program case. */
@Entity
@Table(name = "document_request")
public class DocumentRequest {

    @Id
    public UUID id;

    @Column(name = "intake_id", nullable = false)
    public UUID intakeId;

    @Column(name = "case_id", nullable = false)
    public UUID caseId;

    @Enumerated(EnumType.STRING)
    @Column(name = "document_type", nullable = false)
    public DocumentType type;

    /** Null: any member's document of this type fulfils the request. */
    @Column(name = "member_id")
    public String memberId;

    @Column(name = "reason_zh", nullable = false)
    public String reasonZh;

    @Column(name = "reason_en", nullable = false)
    public String reasonEn;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "requested_at", nullable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "fulfilled_at")
    public OffsetDateTime fulfilledAt;

    @Column(name = "fulfilled_by")
    public UUID fulfilledBy;

    /** Whether an upload of {@code type} for {@code member} answers this request. */
    public boolean isFulfilledBy(DocumentType uploaded, String member) {
        return fulfilledAt == null && type == uploaded && (memberId == null || memberId.equals(member));
    }
}
