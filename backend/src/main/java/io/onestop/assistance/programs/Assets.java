package io.onestop.assistance.programs;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the whole household owns (家庭财产). */
@Schema(name = "Assets")
public record Assets(
        @NotNull @PositiveOrZero @Digits(integer = 12, fraction = 2)
        @Schema(description = "Deposits and securities of the whole household, yuan", example = "0")
        BigDecimal financialAssets,

        @NotNull @PositiveOrZero @Max(99)
        @Schema(description = "Vehicles not needed for living or work", example = "0")
        Integer nonEssentialVehicles,

        @NotNull @PositiveOrZero @Max(99)
        @Schema(example = "1")
        Integer ownedHomes) {
}
