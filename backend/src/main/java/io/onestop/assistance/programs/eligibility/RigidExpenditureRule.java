package io.onestop.assistance.programs.eligibility;

import static io.onestop.assistance.programs.Yuan.format;

import io.onestop.assistance.programs.ChangeNeeded;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.Reason;
import io.onestop.assistance.programs.RigidExpenditure;
import io.onestop.assistance.programs.Verdict;
import io.onestop.assistance.programs.eligibility.HouseholdFacts.IncomeUnit;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * 4. Rigid-expenditure-difficulty household (刚性支出困难): pci &lt; disposableIncomePerCapitaMonthly and
 * (12 x I - medical - education) / N / 12 &lt; S. A status (estimate 0) that opens 5 and 6. Only for a household
 * that qualifies for none of 1, 2 and 3 (engine).
 */
final class RigidExpenditureRule implements EligibilityRule {

    private static final BigDecimal MONTHS = BigDecimal.valueOf(12);

    @Override
    public Program program() {
        return Program.RIGID_EXPENDITURE;
    }

    @Override
    public ProgramResult evaluate(EvaluationContext context) {
        ResultBuilder out = new ResultBuilder(program());
        boolean noHigherStatus = out.prerequisite(context.prerequisite());
        IncomeUnit household = context.assessedHousehold();
        if (!MeansTest.membersLeft(out, household)) {
            return out.notEligible();
        }
        BigDecimal disposable = context.parameters().disposableIncomePerCapitaMonthly();
        boolean income = MeansTest.perCapitaIncomeBelow(out, "PCI_BELOW_DISPOSABLE_INCOME", context, household,
                disposable, "上年度当地人均可支配收入 " + format(disposable) + " 元",
                "last year's local disposable income of " + format(disposable) + " yuan per person");
        boolean spending = afterSpendingBelowStandard(out, context, household);
        if (!(noHigherStatus && income && spending)) {
            return out.notEligible();
        }
        return out.qualifies(Verdict.ELIGIBLE, false, household.memberIds(), BigDecimal.ZERO);
    }

    private static boolean afterSpendingBelowStandard(ResultBuilder out, EvaluationContext context,
            IncomeUnit household) {
        RigidExpenditure expenditure = context.household().rigidExpenditure12m();
        BigDecimal spent = expenditure.medical().add(expenditure.education());
        BigDecimal standard = context.facts().mlaStandard();
        BigDecimal left = leftPerMemberMonthly(household, spent);
        boolean met = left.compareTo(standard) < 0;
        Reason reason = Reason.of("INCOME_AFTER_RIGID_EXPENDITURE_BELOW_STANDARD", met, left, standard,
                "扣除过去 12 个月医疗和教育自付支出 " + format(spent) + " 元后，人均月收入 " + format(left) + " 元，"
                        + (met ? "低于" : "不低于") + "低保标准 " + format(standard) + " 元",
                "after " + format(spent) + " yuan of medical and education spending over the last 12 months, income "
                        + "per person is " + format(left) + " yuan a month, " + (met ? "below" : "not below")
                        + " the standard of " + format(standard) + " yuan");
        BigDecimal needed = lowestSpendingThatQualifies(household, standard);
        return out.condition(reason, ChangeNeeded.of("INCOME_AFTER_RIGID_EXPENDITURE_BELOW_STANDARD", needed,
                "过去 12 个月医疗和教育自付支出合计至少 " + format(needed) + " 元",
                "medical and education spending of at least " + format(needed) + " yuan over the last 12 months"));
    }

    /** (12 x I - spent) / N / 12, two decimals like the per-capita income. */
    private static BigDecimal leftPerMemberMonthly(IncomeUnit household, BigDecimal spent) {
        return household.income().multiply(MONTHS).subtract(spent)
                .divide(MONTHS.multiply(BigDecimal.valueOf(household.size())), 2, RoundingMode.HALF_UP);
    }

    /** The least whole-yuan spending of 12 months that brings the household under the standard. */
    private static BigDecimal lowestSpendingThatQualifies(IncomeUnit household, BigDecimal standard) {
        BigDecimal yearlyAtStandard = standard.multiply(MONTHS).multiply(BigDecimal.valueOf(household.size()));
        BigDecimal spent = household.income().multiply(MONTHS).subtract(yearlyAtStandard)
                .setScale(0, RoundingMode.FLOOR).max(BigDecimal.ZERO);
        // At most a few steps: the two-decimal rounding moves the boundary by less than 0.06 x N yuan.
        while (leftPerMemberMonthly(household, spent).compareTo(standard) >= 0) {
            spent = spent.add(BigDecimal.ONE);
        }
        return spent;
    }
}
