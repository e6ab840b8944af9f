package io.onestop.assistance.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onestop.assistance.access.IntakeAccess;
import io.onestop.assistance.access.StaffScope;
import io.onestop.assistance.cases.api.DecisionReason;
import io.onestop.assistance.cases.api.TransitionRequest;
import io.onestop.assistance.cases.workflow.CaseStep;
import io.onestop.assistance.cases.workflow.RejectionReason;
import io.onestop.assistance.cases.workflow.Workflow;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.programs.DocumentType;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OnVertx;
import io.onestop.assistance.testing.TestData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every transition of every program's workflow, generated from the workflow data and taken through the service
 * against the real database: each allowed move succeeds (with its timeline entry and outbox event), each move that is
 * not in the workflow is refused with 409, and a move reserved to the resident is refused to staff with 403.
 */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class CaseTransitionsTest {

    private static final Set<String> STAFF_ROLES = Set.of(Workflow.CASEWORKER, Workflow.APPROVER);
    /** The owner answering a request for documents: a resident, with no staff scope. */
    private static final StaffScope RESIDENT = new StaffScope(null, null, Set.of("resident"));

    @Inject
    CaseService cases;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Test
    void everyAllowedAndForbiddenTransitionOfEveryProgram() {
        CaseFixtures fixtures = new CaseFixtures(pool, vertx);
        UUID template = UUID.fromString(CaseFixtures.submit("resident1", TestData.HOUSEHOLD_A).path("id"));
        List<Workflow> workflows = new ArrayList<>();
        for (Program program : Program.values()) {
            workflows.add(Workflow.of(program, false));
        }
        workflows.add(Workflow.of(Program.TEMPORARY_ASSISTANCE, true));

        List<String> mismatches = new ArrayList<>();
        int allowed = 0;
        int refused = 0;
        for (Workflow workflow : workflows) {
            String program = workflow.program().name();
            String agency = workflow.program().agency().name();
            StaffActor staff = new StaffActor("generated-staff", new StaffScope(agency, "140105", STAFF_ROLES));
            String label = program + (workflow.fastTrack() ? " (fast track)" : "");
            for (CaseStep from : workflow.steps()) {
                String returnedFrom = from == CaseStep.RETURNED ? workflow.reviewSteps().get(0).name() : null;
                UUID shared = fixtures.placeCase(fixtures.cloneIntake(template), program, agency, workflow.fastTrack(),
                        from.name(), returnedFrom);
                for (CaseStep to : CaseStep.values()) {
                    var transition = workflow.find(from, to);
                    if (transition.isPresent() && transition.get().role().equals(Workflow.RESIDENT)) {
                        // the resident's answer to a request for documents: refused to staff, taken by the owner
                        expectRefused(staff, shared, to, 403, label, from, mismatches);
                        UUID intake = fixtures.cloneIntake(template);
                        UUID returned = fixtures.placeCase(intake, program, agency, workflow.fastTrack(), from.name(), to.name());
                        String owner = fixtures.ownerOf(intake); // outside the event loop: it waits for the database
                        try {
                            var progress = OnVertx.await(vertx, () -> cases.resubmit(new IntakeAccess.Accessor(owner, null, RESIDENT), intake, returned, null, "generated"));
                            check(progress.step() == to, label + ": resubmission " + from + " -> " + to + " ended in "
                                    + progress.step(), mismatches);
                            allowed++;
                        } catch (RuntimeException e) {
                            mismatches.add(label + ": resubmission " + from + " -> " + to + " failed: " + e.getMessage());
                        }
                    } else if (transition.isPresent()) {
                        UUID fresh = fixtures.placeCase(fixtures.cloneIntake(template), program, agency,
                                workflow.fastTrack(), from.name(), returnedFrom);
                        try {
                            var detail = OnVertx.await(vertx, () -> cases.transition(staff, fresh, 0, request(to)));
                            check(detail.step() == to, label + ": " + from + " -> " + to + " ended in " + detail.step(), mismatches);
                            check(fixtures.count("select count(*) from case_event where case_id = $1", fresh) == 1,
                                    label + ": " + from + " -> " + to + " has no timeline entry", mismatches);
                            check(fixtures.count("select count(*) from outbox_event where aggregate_id = $1", fresh) == 1,
                                    label + ": " + from + " -> " + to + " has no outbox event", mismatches);
                            boolean decision = to == CaseStep.APPROVED || to == CaseStep.REJECTED;
                            check(fixtures.count("select count(*) from case_decision where case_id = $1", fresh) == (decision ? 1 : 0),
                                    label + ": " + from + " -> " + to + " decision record", mismatches);
                            allowed++;
                        } catch (RuntimeException e) {
                            mismatches.add(label + ": " + from + " -> " + to + " should be allowed: " + e.getMessage());
                        }
                    } else {
                        expectRefused(staff, shared, to, 409, label, from, mismatches);
                        refused++;
                    }
                }
                check(fixtures.count("select count(*) from case_event where case_id = $1", shared) == 0,
                        label + ": a refused move from " + from + " left a timeline entry", mismatches);
                check(fixtures.row("select status from program_case where id = $1", shared).getString(0).equals(from.name()),
                        label + ": a refused move from " + from + " changed the step", mismatches);
            }
        }
        assertEquals(List.of(), mismatches);
        // sanity: the data really has both kinds in numbers
        check(allowed > 200 && refused > 1000, "allowed " + allowed + ", refused " + refused, mismatches);
        assertEquals(List.of(), mismatches);
    }

    private void expectRefused(StaffActor staff, UUID caseId, CaseStep to, int status, String label, CaseStep from,
            List<String> mismatches) {
        try {
            OnVertx.await(vertx, () -> cases.transition(staff, caseId, 0, request(to)));
            mismatches.add(label + ": " + from + " -> " + to + " should be refused with " + status);
        } catch (ProblemException e) {
            check(e.status() == status, label + ": " + from + " -> " + to + " refused with " + e.status()
                    + " instead of " + status + " (" + e.getMessage() + ")", mismatches);
        }
    }

    private static TransitionRequest request(CaseStep to) {
        return new TransitionRequest(to, "generated", List.of(DocumentType.INCOME_PROOF),
                new DecisionReason(RejectionReason.OTHER, "测试原因", "test reason"));
    }

    private static void check(boolean condition, String message, List<String> mismatches) {
        if (!condition) {
            mismatches.add(message);
        }
    }
}
