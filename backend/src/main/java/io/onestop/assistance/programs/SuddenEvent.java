package io.onestop.assistance.programs;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sudden event that hit the household, for temporary assistance. */
@Schema(name = "SuddenEvent")
public record SuddenEvent(
        @NotNull
        @Schema(example = "FIRE")
        SuddenEventType type,

        @NotNull
        @Schema(description = "When it happened; not after asOf", example = "2026-11-20")
        LocalDate date,

        @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2)
        @Schema(description = "Estimated loss, yuan", example = "5000")
        BigDecimal loss) {
}
