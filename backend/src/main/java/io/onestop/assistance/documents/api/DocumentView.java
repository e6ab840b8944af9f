package io.onestop.assistance.documents.api;

import io.onestop.assistance.documents.DocumentStatus;
import io.onestop.assistance.programs.DocumentType;
import io.onestop.assistance.programs.LocalizedText;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One stored document; the bytes are fetched through a short-lived download URL. */
@Schema(name = "Document", example = """
        {"id":"7d1f0c7e-3a0b-4b8e-9d43-0f3f1c2b9a10","type":"INCOME_PROOF","typeName":{"zh":"收入证明","en":"Proof of income"},
         "memberId":"m2","status":"UPLOADED","contentType":"application/pdf","size":482113,
         "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","rejectionReason":null,
         "uploadedAt":"2026-11-22T10:15:30+08:00"}""")
public record DocumentView(
        UUID id,
        DocumentType type,
        LocalizedText typeName,
        @Schema(description = "The household member it is for; null for the whole household", nullable = true) String memberId,
        @Schema(description = "PENDING_SCAN until the virus scanner cleared it (only the owner sees it then)") DocumentStatus status,
        @Schema(description = "Sniffed from the content, not from the file name") String contentType,
        @Schema(description = "Bytes stored (after metadata removal)") Long size,
        String sha256,
        @Schema(nullable = true) String rejectionReason,
        OffsetDateTime uploadedAt) {
}
