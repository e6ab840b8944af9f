package io.onestop.assistance.programs.eligibility;

import io.onestop.assistance.programs.ChangeNeeded;
import io.onestop.assistance.programs.Employment;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.Reason;
import io.onestop.assistance.programs.Verdict;
import io.onestop.assistance.programs.eligibility.HouseholdFacts.MemberFacts;
import java.math.BigDecimal;
import java.util.List;

/**
 * 9. Employment assistance (就业救助): a household that qualifies for 1 or 3 (engine) with at least one member who is
 * able to work and UNEMPLOYED. Services, estimate 0.
 */
final class EmploymentAssistanceRule implements EligibilityRule {

    @Override
    public Program program() {
        return Program.EMPLOYMENT_ASSISTANCE;
    }

    @Override
    public ProgramResult evaluate(EvaluationContext context) {
        ResultBuilder out = new ResultBuilder(program());
        boolean status = out.prerequisite(context.prerequisite());
        List<String> jobSeekers = context.facts().members().stream()
                .filter(m -> m.labourCapacity() && m.member().employment() == Employment.UNEMPLOYED)
                .map(MemberFacts::id).toList();
        int count = jobSeekers.size();
        boolean any = out.condition(Reason.of("UNEMPLOYED_MEMBER_ABLE_TO_WORK", count > 0, BigDecimal.valueOf(count),
                BigDecimal.ONE,
                count > 0 ? "家中有 " + count + " 名失业且有劳动能力的成员" : "家中没有失业且有劳动能力的成员",
                count > 0 ? count + " member" + (count == 1 ? " is" : "s are") + " able to work and unemployed"
                        : "no member is both able to work and unemployed"),
                ChangeNeeded.of("UNEMPLOYED_MEMBER_ABLE_TO_WORK", null, "家中有失业且有劳动能力的成员",
                        "a member able to work who is unemployed"));
        if (!(status && any)) {
            return out.notEligible();
        }
        return out.qualifies(Verdict.ELIGIBLE, false, jobSeekers, BigDecimal.ZERO);
    }
}
