package io.onestop.assistance.programs.eligibility;

import static io.onestop.assistance.programs.Yuan.format;

import io.onestop.assistance.programs.ChangeNeeded;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.Reason;
import io.onestop.assistance.programs.Verdict;
import io.onestop.assistance.programs.parameters.ParameterSet;
import java.math.BigDecimal;

/**
 * 6. Medical assistance (医疗救助): a household that qualifies for 1, 2, 3 or 4 (engine) with out-of-pocket medical
 * costs. Per year: min(medicalRatio[best status] x medical, medicalAnnualCap); the engine lists the statuses best
 * first (special hardship, MLA, marginal, rigid expenditure).
 */
final class MedicalAssistanceRule implements EligibilityRule {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Override
    public Program program() {
        return Program.MEDICAL_ASSISTANCE;
    }

    @Override
    public ProgramResult evaluate(EvaluationContext context) {
        ResultBuilder out = new ResultBuilder(program());
        ParameterSet parameters = context.parameters();
        Prerequisite.Check status = context.prerequisite();
        BigDecimal ratio = null;
        if (status.met()) {
            Program best = status.qualifying().get(0);
            ratio = parameters.medicalRatio().get(best);
            String percent = format(ratio.multiply(HUNDRED)) + "%";
            String cap = format(parameters.medicalAnnualCap());
            out.condition(Reason.of(status.prerequisite().code(), true, null, null,
                    "家庭符合" + best.shortName().zh() + "条件，自付医疗费用按 " + percent + " 救助，每年最多 " + cap + " 元",
                    "the household qualifies for " + best.shortName().en() + ": " + percent
                            + " of out-of-pocket medical costs, at most " + cap + " yuan a year"), null);
        } else {
            out.prerequisite(status);
        }
        BigDecimal medical = context.household().rigidExpenditure12m().medical();
        boolean costs = out.condition(Reason.of("MEDICAL_COSTS", medical.signum() > 0, medical, BigDecimal.ZERO,
                medical.signum() > 0 ? "过去 12 个月医保报销后自付医疗费用 " + format(medical) + " 元"
                        : "过去 12 个月没有医保报销后的自付医疗费用",
                medical.signum() > 0
                        ? format(medical) + " yuan of out-of-pocket medical costs after insurance over the last 12 months"
                        : "no out-of-pocket medical costs after insurance over the last 12 months"),
                ChangeNeeded.of("MEDICAL_COSTS", null, "有医保报销后仍需自付的医疗费用",
                        "out-of-pocket medical costs after insurance"));
        if (!(status.met() && costs)) {
            return out.notEligible();
        }
        BigDecimal amount = ratio.multiply(medical).min(parameters.medicalAnnualCap());
        return out.qualifies(Verdict.ELIGIBLE, false, context.facts().wholeHousehold().memberIds(), amount);
    }
}
