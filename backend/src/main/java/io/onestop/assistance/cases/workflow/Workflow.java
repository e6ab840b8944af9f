package io.onestop.assistance.cases.workflow;

import static io.onestop.assistance.cases.workflow.CaseStep.ACCEPTED;
import static io.onestop.assistance.cases.workflow.CaseStep.APPROVED;
import static io.onestop.assistance.cases.workflow.CaseStep.CLOSED;
import static io.onestop.assistance.cases.workflow.CaseStep.HOME_VISIT;
import static io.onestop.assistance.cases.workflow.CaseStep.PAYING;
import static io.onestop.assistance.cases.workflow.CaseStep.REJECTED;
import static io.onestop.assistance.cases.workflow.CaseStep.RETURNED;
import static io.onestop.assistance.cases.workflow.CaseStep.SUBMITTED;
import static io.onestop.assistance.cases.workflow.CaseStep.VERIFYING;
import static io.onestop.assistance.cases.workflow.CaseStep.WITHDRAWN;

import io.onestop.assistance.programs.EstimatePeriod;
import io.onestop.assistance.programs.Program;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The workflow of one program as data: its steps and every allowed transition with the role that may take it.
 * Built once per program from the program catalog's review steps ({@link Program#workflow()}) and the rules every
 * agency shares, written here once:
 * <ul>
 * <li>the review steps follow each other in order, taken by a caseworker (township: acceptance, verification, home
 * visit, community review, public notice);</li>
 * <li>from the last review step an approver (county) approves; from any review step after acceptance an approver may
 * reject (with a reason in both languages);</li>
 * <li>until verification is done a caseworker may ask for documents (RETURNED, the clock pauses), and the resident's
 * answer moves the case back to the step it came from;</li>
 * <li>from any open step the case may be withdrawn (the resident's request, recorded by a caseworker);</li>
 * <li>from the same steps the resident's application itself may end the case ({@link #endedByApplication}): withdrawn
 * with the whole application, or closed when a change of circumstances drops the program;</li>
 * <li>after approval, programs that pay go through PAYING to CLOSED; status-only programs close at once.</li>
 * </ul>
 * Urgent temporary assistance takes the fast track (先行救助): accept, decide within hours, pay, then complete the
 * paperwork before closing.
 */
public record Workflow(Program program, boolean fastTrack, List<CaseStep> reviewSteps, List<Transition> transitions) {

    public static final String CASEWORKER = "caseworker";
    public static final String APPROVER = "approver";
    public static final String RESIDENT = "resident";
    /** Hotline staff: they never move a case, only hand it to the queue (a timeline entry). */
    public static final String HOTLINE = "hotline";

    /** One allowed move; {@code role} is the role the caller must have. */
    public record Transition(CaseStep from, CaseStep to, String role) {
    }

    /** Review steps of the fast track: verification and review come after payment, as paperwork. */
    static final List<CaseStep> FAST_TRACK_STEPS = List.of(SUBMITTED, ACCEPTED);
    /** Steps at which a caseworker may still ask for documents; after verification the file is complete. */
    private static final Set<CaseStep> RETURNABLE = Set.of(SUBMITTED, ACCEPTED, VERIFYING, HOME_VISIT);

    /**
     * The steps the resident's application may end an undecided case in: WITHDRAWN when the application is withdrawn,
     * CLOSED when a change of circumstances drops the program (closed, not withdrawn: the resident did not take the
     * request back, the household no longer asks for or qualifies for it).
     */
    private static final Set<CaseStep> ENDED_BY_APPLICATION = Set.of(WITHDRAWN, CLOSED);

    private static final Map<Program, Workflow> STANDARD = new EnumMap<>(Program.class);
    private static final Map<Program, Workflow> FAST = new EnumMap<>(Program.class);

    static {
        for (Program program : Program.values()) {
            List<CaseStep> review = program.workflow().stream().map(CaseStep::of).filter(s -> s != APPROVED).toList();
            STANDARD.put(program, build(program, false, review));
            FAST.put(program, build(program, true, FAST_TRACK_STEPS));
        }
    }

    /** The workflow a case follows: the fast track for urgent temporary assistance, the program's own otherwise. */
    public static Workflow of(Program program, boolean urgent) {
        return hasFastTrack(program) && urgent ? FAST.get(program) : STANDARD.get(program);
    }

    /** Only temporary assistance pays first and verifies after (programs-spec.md, rule 5). */
    public static boolean hasFastTrack(Program program) {
        return program == Program.TEMPORARY_ASSISTANCE;
    }

    private static Workflow build(Program program, boolean fastTrack, List<CaseStep> review) {
        List<Transition> transitions = new ArrayList<>();
        for (int i = 0; i + 1 < review.size(); i++) {
            transitions.add(new Transition(review.get(i), review.get(i + 1), CASEWORKER));
        }
        transitions.add(new Transition(review.get(review.size() - 1), APPROVED, APPROVER));
        review.stream().filter(s -> s != SUBMITTED).forEach(s -> transitions.add(new Transition(s, REJECTED, APPROVER)));
        review.stream().filter(RETURNABLE::contains).forEach(s -> {
            transitions.add(new Transition(s, RETURNED, CASEWORKER));
            transitions.add(new Transition(RETURNED, s, RESIDENT));
        });
        review.forEach(s -> transitions.add(new Transition(s, WITHDRAWN, CASEWORKER)));
        transitions.add(new Transition(RETURNED, WITHDRAWN, CASEWORKER));
        if (pays(program)) {
            transitions.add(new Transition(APPROVED, PAYING, CASEWORKER));
            transitions.add(new Transition(PAYING, CLOSED, CASEWORKER));
        } else {
            transitions.add(new Transition(APPROVED, CLOSED, CASEWORKER));
        }
        return new Workflow(program, fastTrack, List.copyOf(review), List.copyOf(transitions));
    }

    /** Programs whose estimate is money are paid; the others grant a status or services. */
    static boolean pays(Program program) {
        return program.estimatePeriod() != EstimatePeriod.NONE;
    }

    public boolean pays() {
        return pays(program);
    }

    public List<Transition> from(CaseStep step) {
        return transitions.stream().filter(t -> t.from() == step).toList();
    }

    public Optional<Transition> find(CaseStep from, CaseStep to) {
        return transitions.stream().filter(t -> t.from() == from && t.to() == to).findFirst();
    }

    /**
     * A move the resident's application makes on the case, to WITHDRAWN or CLOSED, allowed from exactly the steps a
     * withdrawal may be recorded from (the review steps and RETURNED: nothing is decided yet). Kept apart from
     * {@link #transitions}: no one takes it from the case file; it follows from the intake (withdrawal, change of
     * circumstances), whose owner the intake context has checked, and is recorded with the role of the resident.
     */
    public Optional<Transition> endedByApplication(CaseStep from, CaseStep to) {
        return ENDED_BY_APPLICATION.contains(to) && find(from, WITHDRAWN).isPresent()
                ? Optional.of(new Transition(from, to, RESIDENT))
                : Optional.empty();
    }

    /** Every step the case can be in under this workflow. */
    public Set<CaseStep> steps() {
        Set<CaseStep> steps = new java.util.TreeSet<>();
        transitions.forEach(t -> {
            steps.add(t.from());
            steps.add(t.to());
        });
        return steps;
    }

    /** The step where the approver decides. */
    public CaseStep decisionStep() {
        return reviewSteps.get(reviewSteps.size() - 1);
    }

    public boolean verifies() {
        return reviewSteps.contains(VERIFYING);
    }
}
