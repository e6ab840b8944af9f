package io.onestop.assistance.cases.workflow;

import io.onestop.assistance.cases.api.TransitionRequest;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.intake.ProgramCase;
import io.onestop.assistance.programs.DocumentType;
import io.onestop.assistance.programs.Program;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The one state machine of program cases: whether a move is allowed (by the program's {@link Workflow}), whether
 * the caller's role may take it, whether its conditions hold, and what it changes on the case (step, clocks, the
 * documents asked for). Every status change of a case after fan-out goes through {@link #move} (staff and the
 * resident's answer to a request for documents) or {@link #endByApplication} (the intake's withdrawal or change of
 * circumstances).
 */
@ApplicationScoped
public class CaseStateMachine {

    private final Deadlines deadlines;

    public CaseStateMachine(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    public static Workflow workflowOf(ProgramCase c) {
        return Workflow.of(Program.valueOf(c.program), c.urgent);
    }

    /**
     * Checks and applies one move.
     *
     * @param roles the caller's roles
     * @param verified whether an economic-status verification of the case is on record
     * @return the transition taken
     */
    public Workflow.Transition move(ProgramCase c, TransitionRequest request, Set<String> roles, boolean verified,
            OffsetDateTime now) {
        Workflow workflow = workflowOf(c);
        CaseStep from = CaseStep.valueOf(c.status);
        CaseStep to = request.to();
        Workflow.Transition transition = workflow.find(from, to).orElseThrow(() -> notAllowed(workflow, from, to));
        if (!roles.contains(transition.role())) {
            throw new ProblemException(403, "role-may-not-take-step", "Forbidden",
                    "Moving a case from " + from + " to " + to + " needs the role '" + transition.role() + "'.", null);
        }
        checkConditions(c, workflow, from, to, request, verified, now);
        apply(c, workflow, from, to, request, now);
        return transition;
    }

    /**
     * Ends an undecided case because of its application ({@link Workflow#endedByApplication}): the intake was
     * withdrawn, or a change of circumstances dropped the program. The clock stops.
     *
     * @param reasonCode kept as the case's closed reason
     * @return the transition taken, with the role of the resident
     */
    public Workflow.Transition endByApplication(ProgramCase c, CaseStep to, String reasonCode, OffsetDateTime now) {
        Workflow workflow = workflowOf(c);
        CaseStep from = CaseStep.valueOf(c.status);
        Workflow.Transition transition = workflow.endedByApplication(from, to).orElseThrow(() -> notAllowed(workflow, from, to));
        apply(c, workflow, from, to, null, now);
        c.closedReason = reasonCode;
        return transition;
    }

    /** What a move changes on the case: step, documents asked for, closed reason, clocks. */
    private void apply(ProgramCase c, Workflow workflow, CaseStep from, CaseStep to, TransitionRequest request,
            OffsetDateTime now) {
        c.status = to.name();
        c.updatedAt = now;
        if (to == CaseStep.RETURNED) {
            c.returnedFrom = from.name();
            c.requestedDocuments = request.documents().stream().distinct().map(DocumentType::name).toArray(String[]::new);
        } else if (from == CaseStep.RETURNED) {
            c.returnedFrom = null;
            c.requestedDocuments = null;
        }
        switch (to) {
            case WITHDRAWN -> c.closedReason = "WITHDRAWN_AT_REQUEST";
            case REJECTED -> c.closedReason = "REJECTED";
            case CLOSED -> c.closedReason = "COMPLETED";
            default -> {
            }
        }
        deadlines.enter(c, workflow, from, to, now);
    }

    private void checkConditions(ProgramCase c, Workflow workflow, CaseStep from, CaseStep to, TransitionRequest request,
            boolean verified, OffsetDateTime now) {
        if (to == CaseStep.RETURNED && (request.documents() == null || request.documents().isEmpty())) {
            throw ProblemException.invalid("documents", "name the documents the resident must provide");
        }
        if (to == CaseStep.REJECTED && request.reason() == null) {
            throw ProblemException.invalid("reason", "a rejection needs a reason code and an explanation in Chinese and English");
        }
        if (from == CaseStep.RETURNED && !to.name().equals(c.returnedFrom) && to != CaseStep.WITHDRAWN) {
            throw ProblemException.conflict("transition-not-allowed",
                    "The case goes back to the step it was in when documents were requested (" + c.returnedFrom + ").");
        }
        boolean forward = to != CaseStep.RETURNED && to != CaseStep.WITHDRAWN && to != CaseStep.REJECTED;
        if (from == CaseStep.VERIFYING && forward && !verified) {
            throw ProblemException.conflict("verification-missing",
                    "Run the economic-status verification of this case before moving it on.");
        }
        if (from == CaseStep.PUBLIC_NOTICE && to == CaseStep.APPROVED && now.isBefore(deadlines.noticeOver(c))) {
            throw ProblemException.conflict("public-notice-running",
                    "The public notice runs until " + c.noticeEndsOn + "; the case can be approved from the day after.");
        }
    }

    private static ProblemException notAllowed(Workflow workflow, CaseStep from, CaseStep to) {
        String allowed = workflow.from(from).stream().map(t -> t.to().name()).collect(Collectors.joining(", "));
        return ProblemException.conflict("transition-not-allowed", "A " + workflow.program() + " case in step " + from
                + " cannot move to " + to + (allowed.isEmpty() ? "; it is finished." : "; allowed: " + allowed + "."));
    }
}
