package io.onestop.assistance.programs;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the program would pay, rounded up to whole yuan, and the period it covers; 0 when not eligible. */
@Schema(name = "Estimate", example = "{\"amount\": 1107, \"period\": \"MONTH\"}")
public record Estimate(BigDecimal amount, EstimatePeriod period) {

    public Estimate {
        amount = Yuan.plain(amount);
    }
}
