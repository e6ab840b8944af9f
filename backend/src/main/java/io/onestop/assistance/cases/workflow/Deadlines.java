package io.onestop.assistance.cases.workflow;

import static io.onestop.assistance.common.ClockProducer.CHINA;

import io.onestop.assistance.cases.CasesConfig;
import io.onestop.assistance.intake.ProgramCase;
import io.onestop.assistance.programs.LocalizedText;
import io.onestop.assistance.programs.Program;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Time limits of cases: which clock runs in which step, when it expires, how a pause (RETURNED) extends it, and the
 * sentence that tells the resident. A limit in working days ends at the end of its last day, China time.
 */
@ApplicationScoped
public class Deadlines {

    private static final DateTimeFormatter ZH = DateTimeFormatter.ofPattern("M月d日", Locale.CHINA);
    private static final DateTimeFormatter ZH_YEAR = DateTimeFormatter.ofPattern("yyyy年M月d日", Locale.CHINA);
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter EN_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final CasesConfig config;
    private final WorkingDayCalendar calendar;

    public Deadlines(CasesConfig config, WorkingDayCalendar calendar) {
        this.config = config;
        this.calendar = calendar;
    }

    /** Starts the first clock of a case just opened by the intake's fan-out. */
    public void open(ProgramCase c, OffsetDateTime now) {
        c.stepEnteredAt = now;
        if (Workflow.of(Program.valueOf(c.program), c.urgent).fastTrack()) {
            run(c, DeadlineKind.FAST_DECISION, now.plusHours(config.fastTrackDecisionHours()));
        } else {
            run(c, DeadlineKind.ACCEPTANCE, endOf(calendar.addWorkingDays(today(now), config.acceptanceWorkingDays())));
        }
    }

    /** Moves the clocks for a case entering {@code to} from {@code from}; called by the state machine only. */
    void enter(ProgramCase c, Workflow workflow, CaseStep from, CaseStep to, OffsetDateTime now) {
        c.stepEnteredAt = now;
        if (from == CaseStep.RETURNED && to.isOpen()) {
            resume(c, now); // back to the step it came from: its clock goes on, nothing starts again
            return;
        }
        switch (to) {
            case ACCEPTED -> {
                c.acceptedAt = now;
                if (!workflow.fastTrack()) {
                    run(c, DeadlineKind.DECISION, endOf(calendar.addWorkingDays(today(now), decisionWorkingDays(workflow.program()))));
                }
            }
            case RETURNED -> {
                c.pausedAt = now;
                c.dueBeforePause = c.dueAt;
                c.dueAt = null;
            }
            case PUBLIC_NOTICE -> {
                c.noticeId = java.util.UUID.randomUUID();
                c.noticeEndsOn = today(now).plusDays(config.publicNoticeDays());
            }
            case APPROVED -> {
                if (workflow.fastTrack()) {
                    run(c, DeadlineKind.PAPERWORK, endOf(calendar.addWorkingDays(today(now), config.fastTrackPaperworkWorkingDays())));
                } else if (workflow.pays()) {
                    run(c, DeadlineKind.PAYMENT, endOf(calendar.addWorkingDays(today(now), config.paymentWorkingDays())));
                } else {
                    stop(c);
                }
            }
            // on the fast track the paperwork clock keeps running while paying; otherwise payments just go on
            case PAYING -> {
                if (!workflow.fastTrack()) {
                    stop(c);
                }
            }
            case REJECTED, CLOSED, WITHDRAWN -> stop(c);
            default -> {
                // review steps after acceptance share the decision clock
            }
        }
    }

    /** Earliest moment an approval may follow the public notice: the day after it ends. */
    public OffsetDateTime noticeOver(ProgramCase c) {
        return c.noticeEndsOn == null ? null : endOf(c.noticeEndsOn);
    }

    public int decisionWorkingDays(Program program) {
        return config.decisionWorkingDays().getOrDefault(program.name(), program.legalDeadlineWorkingDays());
    }

    /** The limit of the case's current step as the resident and staff see it, or null when none applies. */
    public DeadlineView view(ProgramCase c, OffsetDateTime now) {
        CaseStep step = CaseStep.valueOf(c.status);
        if (step == CaseStep.RETURNED) {
            return new DeadlineView(DeadlineKind.PAUSED, null, null, false, LocalizedText.of(
                    "等待补充材料，办理时限暂停", "waiting for your documents; the time limit is paused"));
        }
        if (step == CaseStep.PUBLIC_NOTICE && c.noticeEndsOn != null) {
            return new DeadlineView(DeadlineKind.PUBLIC_NOTICE_ENDS, c.noticeEndsOn, endOf(c.noticeEndsOn),
                    false, LocalizedText.of("公示期至 " + zh(c.noticeEndsOn, now), "public notice ends " + en(c.noticeEndsOn, now)));
        }
        if (c.dueAt == null || c.deadlineKind == null) {
            return null;
        }
        DeadlineKind kind = DeadlineKind.valueOf(c.deadlineKind);
        LocalDate date = lastDay(c.dueAt);
        boolean overdue = now.isAfter(c.dueAt);
        String zh = zh(date, now);
        String en = en(date, now);
        LocalizedText text = switch (kind) {
            case ACCEPTANCE -> LocalizedText.of("受理期限至 " + zh, "acceptance due by " + en);
            case DECISION -> LocalizedText.of("审批期限至 " + zh, "decision due by " + en);
            case FAST_DECISION -> {
                String time = c.dueAt.atZoneSameInstant(CHINA).format(TIME);
                yield LocalizedText.of("急难救助，" + zh(c.dueAt.atZoneSameInstant(CHINA).toLocalDate(), now) + " " + time
                        + " 前作出决定", "urgent: decision by " + en(c.dueAt.atZoneSameInstant(CHINA).toLocalDate(), now)
                        + " " + time);
            }
            case PAYMENT -> LocalizedText.of("首次发放期限至 " + zh, "first payment due by " + en);
            case PAPERWORK -> LocalizedText.of("补办审核手续期限至 " + zh, "paperwork to be completed by " + en);
            default -> null;
        };
        return new DeadlineView(kind, date, c.dueAt, overdue, text);
    }

    /** The clock stood still from the request for documents to the resident's answer: move the limit by as long. */
    private void resume(ProgramCase c, OffsetDateTime now) {
        if (c.dueBeforePause != null && c.pausedAt != null && c.deadlineKind != null) {
            if (DeadlineKind.valueOf(c.deadlineKind) == DeadlineKind.FAST_DECISION) {
                c.dueAt = c.dueBeforePause.plus(Duration.between(c.pausedAt, now));
            } else {
                int paused = calendar.workingDaysBetween(today(c.pausedAt), today(now));
                c.dueAt = endOf(calendar.addWorkingDays(lastDay(c.dueBeforePause), paused));
            }
        }
        c.pausedAt = null;
        c.dueBeforePause = null;
    }

    private static void run(ProgramCase c, DeadlineKind kind, OffsetDateTime dueAt) {
        c.deadlineKind = kind.name();
        c.dueAt = dueAt;
    }

    private static void stop(ProgramCase c) {
        c.deadlineKind = null;
        c.dueAt = null;
        c.pausedAt = null; // a case that ends while waiting for documents has no paused limit left either
        c.dueBeforePause = null;
    }

    public static LocalDate today(OffsetDateTime now) {
        return now.atZoneSameInstant(CHINA).toLocalDate();
    }

    /** A limit that runs "until the end of {@code day}" expires at the next midnight in China. */
    public static OffsetDateTime endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime();
    }

    /** The last day on which a limit ending at {@code dueAt} is still met. */
    public static LocalDate lastDay(OffsetDateTime dueAt) {
        return dueAt.atZoneSameInstant(CHINA).minusNanos(1).toLocalDate();
    }

    private static String zh(LocalDate date, OffsetDateTime now) {
        return date.format(date.getYear() == today(now).getYear() ? ZH : ZH_YEAR);
    }

    private static String en(LocalDate date, OffsetDateTime now) {
        return date.format(date.getYear() == today(now).getYear() ? EN : EN_YEAR);
    }
}
