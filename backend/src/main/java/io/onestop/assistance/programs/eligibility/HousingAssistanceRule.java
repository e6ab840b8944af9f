package io.onestop.assistance.programs.eligibility;

import io.onestop.assistance.programs.Housing;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.Reason;
import io.onestop.assistance.programs.Verdict;
import java.math.BigDecimal;

/**
 * 8. Housing assistance (住房救助): a household that qualifies for 1, 2 or 3 (engine) with no home (renting) or a
 * dilapidated one. POSSIBLY_ELIGIBLE: help in kind decided after a visit; estimate 0.
 */
final class HousingAssistanceRule implements EligibilityRule {

    @Override
    public Program program() {
        return Program.HOUSING_ASSISTANCE;
    }

    @Override
    public ProgramResult evaluate(EvaluationContext context) {
        ResultBuilder out = new ResultBuilder(program());
        boolean status = out.prerequisite(context.prerequisite());
        Housing housing = context.household().housing();
        boolean difficulty = housing != Housing.ADEQUATE;
        out.condition(Reason.of("HOUSING_DIFFICULTY", difficulty, null, null,
                switch (housing) {
                    case NO_HOME_RENTING -> "家庭没有自有住房，租房居住";
                    case DILAPIDATED -> "家庭住房属于危房";
                    case ADEQUATE -> "家庭住房条件基本满足";
                },
                switch (housing) {
                    case NO_HOME_RENTING -> "the household has no home of its own and rents";
                    case DILAPIDATED -> "the household lives in a dilapidated house";
                    case ADEQUATE -> "the household's housing is adequate";
                }), null);
        if (!(status && difficulty)) {
            return out.notEligible();
        }
        return out.qualifies(Verdict.POSSIBLY_ELIGIBLE, false, context.facts().wholeHousehold().memberIds(),
                BigDecimal.ZERO);
    }
}
