package io.onestop.assistance.cases.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.cases.CasesConfig;
import io.onestop.assistance.cases.api.TransitionRequest;
import io.onestop.assistance.common.ClockProducer;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.intake.ProgramCase;
import io.onestop.assistance.programs.Program;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Time limits in working days across weekends, a pause while documents are awaited, and the fast track. */
class DeadlinesTest {

    /** The defaults of {@link CasesConfig}, without starting Quarkus. */
    static final CasesConfig DEFAULTS = new CasesConfig() {
        public int acceptanceWorkingDays() { return 5; }
        public Map<String, Integer> decisionWorkingDays() { return Map.of(); }
        public int publicNoticeDays() { return 7; }
        public int paymentWorkingDays() { return 10; }
        public int fastTrackDecisionHours() { return 24; }
        public int fastTrackPaperworkWorkingDays() { return 5; }
        public int verificationTolerancePercent() { return 10; }
        public int maxQueuePage() { return 100; }
    };

    private final WorkingDayCalendar calendar = new WeekendCalendar();
    private final Deadlines deadlines = new Deadlines(DEFAULTS, calendar);
    private final CaseStateMachine machine = new CaseStateMachine(deadlines);

    private static OffsetDateTime at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ClockProducer.CHINA).toOffsetDateTime();
    }

    private static ProgramCase newCase(Program program, boolean urgent) {
        ProgramCase c = new ProgramCase();
        c.id = UUID.randomUUID();
        c.program = program.name();
        c.urgent = urgent;
        c.status = CaseStep.SUBMITTED.name();
        return c;
    }

    private void move(ProgramCase c, CaseStep to, String roles, String when) {
        machine.move(c, new TransitionRequest(to, null, to == CaseStep.RETURNED
                ? java.util.List.of(io.onestop.assistance.programs.DocumentType.INCOME_PROOF) : null, null),
                Set.of(roles.split(",")), true, at(when));
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-11-23, 1, 2026-11-24",  // Monday to Tuesday
            "2026-11-27, 1, 2026-11-30",  // Friday: the weekend does not count
            "2026-11-27, 5, 2026-12-04",
            "2026-11-28, 1, 2026-11-30",  // from a Saturday
            "2026-11-29, 0, 2026-11-29",
            "2026-11-23, 30, 2027-01-04", // the MLA limit: six weeks
    })
    void addsWorkingDaysSkippingWeekends(LocalDate start, int days, LocalDate expected) {
        assertEquals(expected, calendar.addWorkingDays(start, days));
    }

    @ParameterizedTest(name = "working days in ({0}, {1}] = {2}")
    @CsvSource({
            "2026-11-27, 2026-11-30, 1",
            "2026-11-23, 2026-11-30, 5",
            "2026-11-28, 2026-11-29, 0",
            "2026-11-26, 2026-12-01, 3",
    })
    void countsWorkingDaysOfAPause(LocalDate from, LocalDate to, int expected) {
        assertEquals(expected, calendar.workingDaysBetween(from, to));
    }

    @Test
    void acceptanceIsDueFiveWorkingDaysAfterSubmission() {
        ProgramCase c = newCase(Program.MINIMUM_LIVING_ALLOWANCE, false);
        deadlines.open(c, at("2026-11-27T15:00"));
        assertEquals(DeadlineKind.ACCEPTANCE.name(), c.deadlineKind);
        assertEquals(LocalDate.parse("2026-12-04"), Deadlines.lastDay(c.dueAt));
        DeadlineView view = deadlines.view(c, at("2026-11-27T15:00"));
        assertEquals("受理期限至 12月4日", view.text().zh());
        assertEquals("acceptance due by 4 Dec", view.text().en());
        assertFalse(view.overdue());
        assertTrue(deadlines.view(c, at("2026-12-05T00:00:01")).overdue());
        assertFalse(deadlines.view(c, at("2026-12-04T23:59:59")).overdue());
    }

    @Test
    void aRequestForDocumentsPausesTheDecisionClockForTheWorkingDaysItLasted() {
        ProgramCase c = newCase(Program.MINIMUM_LIVING_ALLOWANCE, false);
        deadlines.open(c, at("2026-11-23T09:00"));
        move(c, CaseStep.ACCEPTED, "caseworker", "2026-11-23T10:00");
        assertEquals(LocalDate.parse("2027-01-04"), Deadlines.lastDay(c.dueAt), "30 working days after acceptance");
        assertEquals("审批期限至 2027年1月4日", deadlines.view(c, at("2026-11-23T10:00")).text().zh());

        move(c, CaseStep.RETURNED, "caseworker", "2026-11-26T11:00");
        assertNull(c.dueAt);
        DeadlineView paused = deadlines.view(c, at("2026-11-30T08:00"));
        assertEquals(DeadlineKind.PAUSED, paused.kind());
        assertFalse(paused.overdue());

        move(c, CaseStep.ACCEPTED, "resident", "2026-12-01T16:00");
        assertEquals(LocalDate.parse("2027-01-07"), Deadlines.lastDay(c.dueAt), "Fri, Mon and Tue were paused");
        assertEquals(DeadlineKind.DECISION.name(), c.deadlineKind);
        assertNull(c.returnedFrom);
        assertEquals(at("2026-11-23T10:00"), c.acceptedAt, "resuming does not restart the clock");
    }

    @Test
    void thePublicNoticeRunsSevenDaysAndBlocksApprovalUntilItEnds() {
        ProgramCase c = newCase(Program.MINIMUM_LIVING_ALLOWANCE, false);
        deadlines.open(c, at("2026-11-23T09:00"));
        c.status = CaseStep.COMMUNITY_REVIEW.name();
        move(c, CaseStep.PUBLIC_NOTICE, "caseworker", "2026-11-26T10:00");
        DeadlineView view = deadlines.view(c, at("2026-11-26T10:00"));
        assertEquals(DeadlineKind.PUBLIC_NOTICE_ENDS, view.kind());
        assertEquals("公示期至 12月3日", view.text().zh());
        assertEquals("public notice ends 3 Dec", view.text().en());
        ProblemException running = assertThrows(ProblemException.class,
                () -> move(c, CaseStep.APPROVED, "approver", "2026-12-03T23:00"));
        assertEquals("public-notice-running", running.type());
        move(c, CaseStep.APPROVED, "approver", "2026-12-04T09:00");
        assertEquals(DeadlineKind.PAYMENT.name(), c.deadlineKind);
    }

    @Test
    void urgentTemporaryAssistanceIsDecidedWithin24HoursAndItsPaperworkWithin5WorkingDays() {
        ProgramCase c = newCase(Program.TEMPORARY_ASSISTANCE, true);
        Workflow workflow = CaseStateMachine.workflowOf(c);
        assertTrue(workflow.fastTrack());
        assertEquals(java.util.List.of(CaseStep.SUBMITTED, CaseStep.ACCEPTED), workflow.reviewSteps());

        deadlines.open(c, at("2026-11-27T10:00"));
        assertEquals(DeadlineKind.FAST_DECISION.name(), c.deadlineKind);
        assertEquals(at("2026-11-28T10:00"), c.dueAt, "24 hours, weekend or not");
        assertEquals("urgent: decision by 28 Nov 10:00", deadlines.view(c, at("2026-11-27T10:00")).text().en());

        move(c, CaseStep.ACCEPTED, "caseworker", "2026-11-27T11:00");
        assertEquals(at("2026-11-28T10:00"), c.dueAt, "acceptance does not restart the 24 hours");
        move(c, CaseStep.APPROVED, "approver", "2026-11-27T15:00"); // no verification first: assistance first
        assertEquals(DeadlineKind.PAPERWORK.name(), c.deadlineKind);
        assertEquals(LocalDate.parse("2026-12-04"), Deadlines.lastDay(c.dueAt));
        move(c, CaseStep.PAYING, "caseworker", "2026-11-27T16:00");
        assertEquals(DeadlineKind.PAPERWORK.name(), c.deadlineKind, "the paperwork clock runs while paying");
        move(c, CaseStep.CLOSED, "caseworker", "2026-12-02T10:00");
        assertNull(c.dueAt);

        ProgramCase notUrgent = newCase(Program.TEMPORARY_ASSISTANCE, false);
        assertFalse(CaseStateMachine.workflowOf(notUrgent).fastTrack());
        assertTrue(CaseStateMachine.workflowOf(notUrgent).verifies());
    }

    @Test
    void oldAgeAllowanceGoesFromAcceptanceStraightToApproval() {
        Workflow workflow = Workflow.of(Program.OLD_AGE_ALLOWANCE, false);
        assertEquals(java.util.List.of(CaseStep.SUBMITTED, CaseStep.ACCEPTED), workflow.reviewSteps());
        assertEquals(CaseStep.ACCEPTED, workflow.decisionStep());
        assertTrue(workflow.find(CaseStep.ACCEPTED, CaseStep.APPROVED).isPresent());
        assertTrue(workflow.find(CaseStep.ACCEPTED, CaseStep.VERIFYING).isEmpty());
    }
}
