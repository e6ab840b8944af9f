package io.onestop.assistance.programs.eligibility;

import io.onestop.assistance.programs.ChangeNeeded;
import io.onestop.assistance.programs.Estimate;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.Reason;
import io.onestop.assistance.programs.Verdict;
import io.onestop.assistance.programs.Yuan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Collects a rule's reasons and what would change them, then makes its {@link ProgramResult}. */
final class ResultBuilder {

    private final Program program;
    private final List<Reason> reasons = new ArrayList<>();
    private final List<ChangeNeeded> changes = new ArrayList<>();

    ResultBuilder(Program program) {
        this.program = program;
    }

    /**
     * Records one condition of the rule. When it is not met, {@code change} (null when nothing the household could
     * change would meet it) goes into {@code whatWouldChange} of a NOT_ELIGIBLE verdict.
     *
     * @return whether the condition is met
     */
    boolean condition(Reason reason, ChangeNeeded change) {
        reasons.add(reason);
        if (!reason.met() && change != null && !changes.contains(change)) {
            changes.add(change);
        }
        return reason.met();
    }

    /** Records the prerequisite declared by the engine as a condition in the standard wording. */
    boolean prerequisite(Prerequisite.Check check) {
        return condition(check.reason(), check.change());
    }

    /** Records a reason that explains the result (an amount, a care level) rather than deciding it. */
    void note(Reason reason) {
        reasons.add(reason);
    }

    ProgramResult notEligible() {
        return new ProgramResult(program, Verdict.NOT_ELIGIBLE, false, List.of(),
                new Estimate(BigDecimal.ZERO, program.estimatePeriod()), List.copyOf(reasons), List.copyOf(changes),
                program.documents());
    }

    /** An ELIGIBLE or POSSIBLY_ELIGIBLE result; the amount is rounded up to whole yuan. */
    ProgramResult qualifies(Verdict verdict, boolean urgent, List<String> members, BigDecimal amount) {
        if (verdict == Verdict.NOT_ELIGIBLE) {
            throw new IllegalArgumentException("use notEligible()");
        }
        return new ProgramResult(program, verdict, urgent, List.copyOf(members),
                new Estimate(Yuan.roundUp(amount), program.estimatePeriod()), List.copyOf(reasons), List.of(),
                program.documents());
    }
}
