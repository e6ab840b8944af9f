package io.onestop.assistance.programs;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of the screening contract (api-conventions.md): the verdicts of all 13 programs in spec order, with the
 * parameter version they used so the evaluation can be reproduced later.
 */
@Schema(name = "Screening")
public record Screening(
        @Schema(example = "140105") String regionCode,
        @Schema(description = "The date of evaluation (today when the request had none)", example = "2026-11-22")
        LocalDate asOf,
        @Schema(description = "Region and effective date of the parameters used", example = "140105@2025-01-01")
        String parameterVersion,
        @Schema(description = "All 13 programs, in the order of the rule book") List<ProgramResult> programs) {
}
