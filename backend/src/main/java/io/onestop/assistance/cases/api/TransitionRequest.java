package io.onestop.assistance.cases.api;

import io.onestop.assistance.cases.workflow.CaseStep;
import io.onestop.assistance.programs.DocumentType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Move a case to another step. RETURNED needs the documents asked for; REJECTED a reason in both languages. */
@Schema(name = "TransitionRequest", example = """
        {"to":"RETURNED","note":"请补充近 6 个月的收入证明","documents":["INCOME_PROOF"]}""")
public record TransitionRequest(
        @NotNull @Schema(description = "The step to move to", example = "ACCEPTED") CaseStep to,
        @Size(max = 2000) @Schema(description = "Shown on the timeline") String note,
        @Size(max = 20) @Schema(description = "RETURNED only: the documents the resident must provide")
        List<@NotNull DocumentType> documents,
        @Valid @Schema(description = "REJECTED only: why, in Chinese and English") DecisionReason reason) {

    public List<DocumentType> documents() {
        return documents == null ? List.of() : documents;
    }
}
