package io.onestop.assistance.programs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What would turn a NOT_ELIGIBLE verdict around, one entry per unmet condition: the condition's code, the
 * {@code target} value where the condition is a number (e.g. the highest household income that qualifies), and a
 * sentence for the resident.
 */
@Schema(name = "ChangeNeeded", example = """
        {"code": "PCI_BELOW_STANDARD", "target": 1337,
         "message": {"zh": "家庭月收入不超过 1,337 元", "en": "household income at most 1,337 yuan a month"}}""")
public record ChangeNeeded(
        String code,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true) String member,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(nullable = true) BigDecimal target,
        LocalizedText message) {

    public ChangeNeeded {
        target = Yuan.plain(target);
    }

    public static ChangeNeeded of(String code, BigDecimal target, String zh, String en) {
        return new ChangeNeeded(code, null, target, LocalizedText.of(zh, en));
    }

    public static ChangeNeeded ofMember(String member, String code, BigDecimal target, String zh, String en) {
        return new ChangeNeeded(code, member, target, LocalizedText.of(zh, en));
    }
}
