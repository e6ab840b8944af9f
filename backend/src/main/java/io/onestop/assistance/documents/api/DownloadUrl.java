package io.onestop.assistance.documents.api;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A short-lived URL that fetches the document straight from storage. */
@Schema(name = "DownloadUrl", example = """
        {"url":"https://s3.example.gov.cn/assistance-documents/documents/...?X-Amz-Signature=...",
         "expiresAt":"2026-11-22T10:20:00+08:00"}""")
public record DownloadUrl(String url, OffsetDateTime expiresAt) {
}
