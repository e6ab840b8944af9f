package io.onestop.assistance.programs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One condition of a program's rule and whether the household meets it, with the number compared and the threshold
 * where the condition is a comparison (null otherwise). {@code member} names the member a per-member condition is
 * about and is left out for household conditions.
 */
@Schema(name = "Reason", example = """
        {"code": "PCI_BELOW_STANDARD", "met": true, "actual": 300, "threshold": 669,
         "message": {"zh": "家庭人均月收入 300 元，低于低保标准 669 元",
                     "en": "household income per person is 300 yuan a month, below the standard of 669 yuan"}}""")
public record Reason(
        String code,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true) String member,
        boolean met,
        @Schema(nullable = true) BigDecimal actual,
        @Schema(nullable = true) BigDecimal threshold,
        LocalizedText message) {

    public Reason {
        actual = Yuan.plain(actual);
        threshold = Yuan.plain(threshold);
    }

    public static Reason of(String code, boolean met, BigDecimal actual, BigDecimal threshold, String zh, String en) {
        return new Reason(code, null, met, actual, threshold, LocalizedText.of(zh, en));
    }

    public static Reason ofMember(String member, String code, boolean met, BigDecimal actual, BigDecimal threshold,
            String zh, String en) {
        return new Reason(code, member, met, actual, threshold, LocalizedText.of(zh, en));
    }
}
