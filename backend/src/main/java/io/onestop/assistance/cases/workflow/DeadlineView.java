package io.onestop.assistance.cases.workflow;

import io.onestop.assistance.programs.LocalizedText;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The time limit of a case's current step, with a sentence a resident understands. */
@Schema(name = "Deadline", example = """
        {"kind":"PUBLIC_NOTICE_ENDS","date":"2026-12-03","dueAt":"2026-12-04T00:00:00+08:00","overdue":false,
         "text":{"zh":"公示期至 12月3日","en":"public notice ends 3 Dec"}}""")
public record DeadlineView(
        DeadlineKind kind,
        @Schema(description = "Last day (China time); null while paused") LocalDate date,
        @Schema(description = "The instant the limit expires; null while paused") OffsetDateTime dueAt,
        boolean overdue,
        LocalizedText text) {
}
