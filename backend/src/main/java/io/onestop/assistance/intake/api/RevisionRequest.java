package io.onestop.assistance.intake.api;

import io.onestop.assistance.programs.Household;
import io.onestop.assistance.programs.Program;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A change of circumstances: the household as it is now; the intake is evaluated again. */
public record RevisionRequest(
        @NotNull Household household,
        List<Program> chosenPrograms,
        @Size(max = 2000) String situation) {
}
