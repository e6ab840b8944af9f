package io.onestop.assistance.cases.api;

import io.onestop.assistance.cases.workflow.RejectionReason;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The reason of a rejection: a code for statistics and a sentence for the resident in both languages. */
@Schema(name = "DecisionReason", example = """
        {"code":"INCOME_ABOVE_STANDARD","zh":"核对后家庭人均收入为 980 元，高于低保标准 669 元。",
         "en":"After verification the income per person is 980 yuan, above the standard of 669 yuan."}""")
public record DecisionReason(
        @NotNull RejectionReason code,
        @NotBlank @Size(max = 1000) String zh,
        @NotBlank @Size(max = 1000) String en) {
}
