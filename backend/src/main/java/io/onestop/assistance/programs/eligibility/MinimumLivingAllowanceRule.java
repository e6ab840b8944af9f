package io.onestop.assistance.programs.eligibility;

import static io.onestop.assistance.programs.Yuan.format;

import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.Verdict;
import io.onestop.assistance.programs.eligibility.HouseholdFacts.IncomeUnit;
import java.math.BigDecimal;

/**
 * 1. Minimum living allowance (低保): pci &lt; S, financial assets per member &lt;= assetMonths x S, no non-essential
 * vehicle, at most one home, on the household without its special-hardship members. Pays (S - pci) x N a month.
 */
final class MinimumLivingAllowanceRule implements EligibilityRule {

    @Override
    public Program program() {
        return Program.MINIMUM_LIVING_ALLOWANCE;
    }

    @Override
    public ProgramResult evaluate(EvaluationContext context) {
        ResultBuilder out = new ResultBuilder(program());
        IncomeUnit household = context.assessedHousehold();
        if (!MeansTest.membersLeft(out, household)) {
            return out.notEligible();
        }
        BigDecimal standard = context.facts().mlaStandard();
        boolean income = MeansTest.perCapitaIncomeBelow(out, "PCI_BELOW_STANDARD", context, household, standard,
                "低保标准 " + format(standard) + " 元", "the standard of " + format(standard) + " yuan");
        boolean assets = MeansTest.assetsWithin(out, context, household, context.parameters().assetMonths());
        boolean vehicles = MeansTest.noNonEssentialVehicle(out, context);
        boolean homes = MeansTest.atMostOneHome(out, context);
        if (!(income && assets && vehicles && homes)) {
            return out.notEligible();
        }
        BigDecimal topUp = standard.subtract(household.perCapitaIncome()).multiply(BigDecimal.valueOf(household.size()));
        return out.qualifies(Verdict.ELIGIBLE, false, household.memberIds(), topUp);
    }
}
