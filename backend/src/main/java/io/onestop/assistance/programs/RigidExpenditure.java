package io.onestop.assistance.programs;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Unavoidable spending of the last 12 months (刚性支出), in yuan. */
@Schema(name = "RigidExpenditure")
public record RigidExpenditure(
        @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2)
        @Schema(description = "Out-of-pocket medical costs after insurance", example = "0")
        BigDecimal medical,

        @NotNull @PositiveOrZero @Digits(integer = 10, fraction = 2)
        @Schema(example = "0")
        BigDecimal education) {
}
