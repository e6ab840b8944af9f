package io.onestop.assistance.documents.api;

import io.onestop.assistance.programs.DocumentType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Ask for a presigned PUT URL: the file is then sent straight to storage, and confirmed afterwards. */
@Schema(name = "UploadTicketRequest", example = """
        {"type":"MEDICAL_BILLS","memberId":"m1","size":18350080,"contentType":"application/pdf"}""")
public record UploadTicketRequest(
        @NotNull DocumentType type,
        @Size(max = 40) @Schema(nullable = true) String memberId,
        @NotNull @Positive @Schema(description = "Exact size in bytes of the file to be PUT") Long size,
        @NotBlank @Size(max = 100) @Schema(description = "image/jpeg, image/png, image/webp, image/heic or application/pdf; "
                + "the stored content is still checked by its bytes") String contentType) {
}
