package io.onestop.assistance.documents.api;

import io.onestop.assistance.programs.DocumentType;
import io.onestop.assistance.programs.LocalizedText;
import io.onestop.assistance.programs.Program;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One merged checklist for every program of a draft or intake: each document type once. */
@Schema(name = "Checklist", example = """
        {"applicationId":"5b0e6f3c-2f1d-4b8e-9a51-1c2d3e4f5a6b","documentCount":1,"maxDocuments":30,
         "items":[{"type":"ID_CARD","name":{"zh":"身份证","en":"National ID card"},
                   "programs":["MINIMUM_LIVING_ALLOWANCE","EDUCATION_ASSISTANCE"],"members":["m1","m3"],
                   "required":true,"status":"UPLOADED","reason":null,"requests":[],
                   "documents":[{"id":"7d1f0c7e-3a0b-4b8e-9d43-0f3f1c2b9a10","type":"ID_CARD","status":"UPLOADED"}]}]}""")
public record ChecklistView(UUID applicationId, int documentCount, int maxDocuments, List<Item> items) {

    public enum ItemStatus {
        MISSING, UPLOADED, ACCEPTED, REJECTED
    }

    @Schema(name = "ChecklistItem")
    public record Item(
            DocumentType type,
            LocalizedText name,
            @Schema(description = "Programs that ask for it: one upload serves them all") List<Program> programs,
            @Schema(description = "Member ids it is for; empty: the household as a whole") List<String> members,
            @Schema(description = "False for documents no program asks for (OTHER) ") boolean required,
            @Schema(description = "MISSING also when a caseworker asked for it again") ItemStatus status,
            @Schema(description = "Why the latest document of this type was rejected", nullable = true) String reason,
            List<RequestView> requests,
            List<DocumentView> documents) {
    }

    /** An open request for documents (补正材料). */
    @Schema(name = "DocumentRequest")
    public record RequestView(UUID id, UUID caseId, String memberId, LocalizedText reason, OffsetDateTime requestedAt) {
    }
}
