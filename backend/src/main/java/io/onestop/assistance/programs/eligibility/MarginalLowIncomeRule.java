package io.onestop.assistance.programs.eligibility;

import static io.onestop.assistance.programs.Yuan.format;

import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.Verdict;
import io.onestop.assistance.programs.eligibility.HouseholdFacts.IncomeUnit;
import io.onestop.assistance.programs.parameters.ParameterSet;
import java.math.BigDecimal;

/**
 * 3. Marginal low-income household (低保边缘): pci &lt; min(marginalMultiplier x S, minimumWage), financial assets per
 * member &lt;= marginalMultiplier x assetMonths x S, no non-essential vehicle, at most one home, on the same household
 * as rule 1. A status (estimate 0) that opens programs 6 to 9. Not for a household that qualifies for 1 (engine).
 */
final class MarginalLowIncomeRule implements EligibilityRule {

    @Override
    public Program program() {
        return Program.MARGINAL_LOW_INCOME;
    }

    @Override
    public ProgramResult evaluate(EvaluationContext context) {
        ResultBuilder out = new ResultBuilder(program());
        boolean notMla = out.prerequisite(context.prerequisite());
        IncomeUnit household = context.assessedHousehold();
        if (!MeansTest.membersLeft(out, household)) {
            return out.notEligible();
        }
        ParameterSet parameters = context.parameters();
        BigDecimal standard = context.facts().mlaStandard();
        BigDecimal multiple = parameters.marginalMultiplier().multiply(standard);
        // Zhejiang: up to 2x the standard, but never above the local minimum wage.
        BigDecimal line = multiple.min(parameters.minimumWage());
        String lineZh = "低保边缘标准 " + format(line) + " 元（低保标准 " + format(standard) + " 元的 "
                + format(parameters.marginalMultiplier()) + " 倍，且不高于最低工资 " + format(parameters.minimumWage()) + " 元）";
        String lineEn = "the marginal line of " + format(line) + " yuan (" + format(parameters.marginalMultiplier())
                + " x the standard of " + format(standard) + " yuan, at most the minimum wage of "
                + format(parameters.minimumWage()) + " yuan)";
        boolean income = MeansTest.perCapitaIncomeBelow(out, "PCI_BELOW_MARGINAL_LINE", context, household, line,
                lineZh, lineEn);
        boolean assets = MeansTest.assetsWithin(out, context, household,
                parameters.marginalMultiplier().multiply(parameters.assetMonths()));
        boolean vehicles = MeansTest.noNonEssentialVehicle(out, context);
        boolean homes = MeansTest.atMostOneHome(out, context);
        if (!(notMla && income && assets && vehicles && homes)) {
            return out.notEligible();
        }
        return out.qualifies(Verdict.ELIGIBLE, false, household.memberIds(), BigDecimal.ZERO);
    }
}
