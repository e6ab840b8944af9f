package io.onestop.assistance.programs.api;

import io.onestop.assistance.programs.EstimatePeriod;
import io.onestop.assistance.programs.LocalizedText;
import io.onestop.assistance.programs.Program;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One program of the public catalog, with localized names for screens. */
@Schema(name = "ProgramView")
public record ProgramView(
        @Schema(example = "MINIMUM_LIVING_ALLOWANCE") String code,
        LocalizedText name,
        LocalizedText description,
        CodeName agency,
        @Schema(description = "What the estimate of a screening covers") EstimatePeriod estimatePeriod,
        @Schema(description = "Documents the program asks for") List<CodeName> documents,
        @Schema(description = "Steps of a case up to the decision") List<CodeName> workflow,
        @Schema(description = "Working days from acceptance to the decision", example = "30") int legalDeadlineWorkingDays) {

    /** A code with its localized name. */
    @Schema(name = "CodeName")
    public record CodeName(String code, LocalizedText name) {
    }

    static ProgramView of(Program program) {
        return new ProgramView(program.name(), program.localizedName(), program.description(),
                new CodeName(program.agency().name(), program.agency().localizedName()), program.estimatePeriod(),
                program.documents().stream().map(d -> new CodeName(d.name(), d.localizedName())).toList(),
                program.workflow().stream().map(s -> new CodeName(s.name(), s.localizedName())).toList(),
                program.legalDeadlineWorkingDays());
    }
}
