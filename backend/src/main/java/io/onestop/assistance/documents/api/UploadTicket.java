package io.onestop.assistance.documents.api;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where to PUT the file, until when, with which headers; then POST .../documents/{documentId}/confirm. */
@Schema(name = "UploadTicket", example = """
        {"documentId":"7d1f0c7e-3a0b-4b8e-9d43-0f3f1c2b9a10",
         "url":"https://s3.example.gov.cn/assistance-documents/documents/...?X-Amz-Signature=...",
         "expiresAt":"2026-11-22T10:30:00+08:00","requiredHeaders":{"Content-Type":"application/pdf"}}""")
public record UploadTicket(UUID documentId, String url, OffsetDateTime expiresAt, Map<String, String> requiredHeaders) {
}
