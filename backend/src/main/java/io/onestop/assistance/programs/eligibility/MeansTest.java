package io.onestop.assistance.programs.eligibility;

import static io.onestop.assistance.programs.Yuan.format;

import io.onestop.assistance.programs.Assets;
import io.onestop.assistance.programs.ChangeNeeded;
import io.onestop.assistance.programs.Reason;
import io.onestop.assistance.programs.Yuan;
import io.onestop.assistance.programs.eligibility.HouseholdFacts.IncomeUnit;
import java.math.BigDecimal;

/**
 * The income and asset conditions shared by rules 1 (MLA), 3 (marginal) and 4 (rigid expenditure), worded once.
 * Each records its reason (and what would change it) and answers whether it is met.
 */
final class MeansTest {

    private MeansTest() {
    }

    /** "If none are left, 1, 3 and 4 are NOT_ELIGIBLE": every member is a special-hardship case. */
    static boolean membersLeft(ResultBuilder out, IncomeUnit household) {
        if (!household.isEmpty()) {
            return true;
        }
        return out.condition(Reason.of("NO_MEMBERS_LEFT", false, null, null,
                "全部家庭成员都符合特困供养条件，按特困供养救助，本项没有需要认定的成员",
                "every member qualifies for special hardship support, so nobody is left to assess for this"), null);
    }

    /**
     * Per-capita income strictly below {@code limit}. What would change it is the highest whole-yuan household income
     * that qualifies, e.g. "household income at most 1,337 yuan a month" for two members under 669.
     */
    static boolean perCapitaIncomeBelow(ResultBuilder out, String code, EvaluationContext context,
            IncomeUnit household, BigDecimal limit, String limitZh, String limitEn) {
        boolean reduced = household.size() < context.facts().members().size();
        String labelZh = reduced ? "家庭人均月收入（不含特困供养成员）" : "家庭人均月收入";
        String labelEn = reduced ? "household income per person (without members with special hardship support)"
                : "household income per person";
        BigDecimal pci = household.perCapitaIncome();
        boolean met = pci.compareTo(limit) < 0;
        Reason reason = Reason.of(code, met, pci, limit,
                labelZh + " " + format(pci) + " 元，" + (met ? "低于" : "不低于") + limitZh,
                labelEn + " is " + format(pci) + " yuan a month, " + (met ? "below " : "not below ") + limitEn);
        BigDecimal target = Yuan.highestIncomeBelow(limit, household.size());
        BigDecimal deduction = context.parameters().employmentDeduction();
        String deductionZh = deduction.signum() > 0 ? "（在职成员每人先扣除 " + format(deduction) + " 元）" : "";
        String deductionEn = deduction.signum() > 0
                ? " (after deducting " + format(deduction) + " yuan for each employed member)" : "";
        ChangeNeeded change = target == null ? null : ChangeNeeded.of(code, target,
                (reduced ? "家庭月收入（不含特困供养成员）" : "家庭月收入") + "不超过 " + format(target) + " 元" + deductionZh,
                (reduced ? "household income (without members with special hardship support)" : "household income")
                        + " at most " + format(target) + " yuan a month" + deductionEn);
        return out.condition(reason, change);
    }

    /** Financial assets per member at most {@code months} months of the MLA standard. */
    static boolean assetsWithin(ResultBuilder out, EvaluationContext context, IncomeUnit household, BigDecimal months) {
        Assets assets = context.household().assets();
        BigDecimal perMemberLimit = months.multiply(context.facts().mlaStandard());
        BigDecimal members = BigDecimal.valueOf(household.size());
        // Compared as a total so that no rounding of the per-member value can tip the verdict.
        BigDecimal householdLimit = perMemberLimit.multiply(members);
        boolean met = assets.financialAssets().compareTo(householdLimit) <= 0;
        BigDecimal perMember = Yuan.perCapita(assets.financialAssets(), household.size());
        Reason reason = Reason.of("ASSETS_WITHIN_LIMIT", met, perMember, perMemberLimit,
                "人均存款和有价证券 " + format(perMember) + " 元，" + (met ? "未超过" : "超过") + "限额 "
                        + format(perMemberLimit) + " 元（" + format(months) + " 个月低保标准）",
                "savings and securities of " + format(perMember) + " yuan per person, " + (met ? "within" : "above")
                        + " the limit of " + format(perMemberLimit) + " yuan (" + format(months)
                        + " months of the standard)");
        ChangeNeeded change = ChangeNeeded.of("ASSETS_WITHIN_LIMIT", householdLimit,
                "家庭存款和有价证券合计不超过 " + format(householdLimit) + " 元",
                "household savings and securities at most " + format(householdLimit) + " yuan in total");
        return out.condition(reason, change);
    }

    static boolean noNonEssentialVehicle(ResultBuilder out, EvaluationContext context) {
        int vehicles = context.household().assets().nonEssentialVehicles();
        boolean met = vehicles == 0;
        Reason reason = Reason.of("NO_NON_ESSENTIAL_VEHICLE", met, BigDecimal.valueOf(vehicles), BigDecimal.ZERO,
                met ? "家庭没有非生活必需的机动车" : "家庭有 " + vehicles + " 辆非生活必需的机动车",
                met ? "the household has no non-essential vehicle"
                        : "the household has " + vehicles + " non-essential vehicle" + (vehicles == 1 ? "" : "s"));
        return out.condition(reason, ChangeNeeded.of("NO_NON_ESSENTIAL_VEHICLE", BigDecimal.ZERO,
                "家庭不拥有非生活必需的机动车", "no non-essential vehicle in the household"));
    }

    static boolean atMostOneHome(ResultBuilder out, EvaluationContext context) {
        int homes = context.household().assets().ownedHomes();
        boolean met = homes <= 1;
        Reason reason = Reason.of("AT_MOST_ONE_HOME", met, BigDecimal.valueOf(homes), BigDecimal.ONE,
                "家庭自有住房 " + homes + " 套，" + (met ? "不超过 1 套" : "超过 1 套"),
                "the household owns " + homes + " home" + (homes == 1 ? "" : "s") + (met ? ", at most one"
                        : ", more than one"));
        return out.condition(reason, ChangeNeeded.of("AT_MOST_ONE_HOME", BigDecimal.ONE,
                "家庭自有住房不超过 1 套", "at most one home owned by the household"));
    }
}
