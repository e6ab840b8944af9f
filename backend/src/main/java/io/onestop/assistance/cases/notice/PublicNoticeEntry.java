package io.onestop.assistance.cases.notice;

import io.onestop.assistance.programs.LocalizedText;
import io.onestop.assistance.programs.Program;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One line of the public notice (公示): the surname only, never an id, address or phone. */
@Schema(name = "PublicNoticeEntry", example = """
        {"noticeId":"9a3e6c1e-2f55-4d1b-8f0e-3c9a7b1d2e40","applicantName":"张*","regionCode":"140105",
         "program":"MINIMUM_LIVING_ALLOWANCE","programName":{"zh":"最低生活保障","en":"Minimum living allowance"},
         "memberCount":3,"proposedAmount":1107,"period":"MONTH","startsOn":"2026-11-26","endsOn":"2026-12-03"}""")
public record PublicNoticeEntry(UUID noticeId, String applicantName, String regionCode, Program program,
        LocalizedText programName, int memberCount, BigDecimal proposedAmount, String period, LocalDate startsOn,
        LocalDate endsOn) {

    /** 张伟 → 张*: enough for neighbours to recognise a household they know, nothing more. */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return "*";
        }
        String trimmed = name.strip();
        int first = trimmed.offsetByCodePoints(0, 1);
        return trimmed.substring(0, first) + "*".repeat(Math.max(1, trimmed.codePointCount(first, trimmed.length())));
    }
}
