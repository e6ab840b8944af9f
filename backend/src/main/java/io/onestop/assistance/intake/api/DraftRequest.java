package io.onestop.assistance.intake.api;

import io.onestop.assistance.programs.Household;
import io.onestop.assistance.programs.Program;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The content of a draft. The household has the shape of the screening contract and may be incomplete while the
 * resident is still filling it in; {@code chosenPrograms} null means "every program I may qualify for".
 */
@Schema(name = "DraftRequest")
public record DraftRequest(
        @NotNull Household household,
        @Valid ApplicantDetails applicant,
        @Schema(description = "Programs the resident keeps; null keeps all") List<Program> chosenPrograms,
        @Size(max = 2000) @Schema(description = "The resident's own words about their situation") String situation) {
}
