package io.onestop.assistance.documents.api;

import io.onestop.assistance.programs.DocumentType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The multipart/form-data form of a document upload, for the OpenAPI description only: the resource reads the body
 * itself as it streams in ({@link StreamedUpload}), so no Quarkus REST form parameters describe it.
 */
@Schema(name = "DocumentUploadForm")
public final class UploadForm {

    @Schema(required = true, type = SchemaType.STRING, format = "binary",
            description = "The document: JPEG, PNG, WebP, HEIC or PDF by content, at most 20 MB")
    public String file;

    @Schema(required = true, description = "The document type code")
    public DocumentType type;

    @Schema(maxLength = 40, description = "The household member the document is about, when it is about one")
    public String memberId;

    private UploadForm() {
    }
}
