package io.onestop.assistance.programs.eligibility;

import static io.onestop.assistance.programs.Yuan.format;

import io.onestop.assistance.programs.ChangeNeeded;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.Reason;
import io.onestop.assistance.programs.Verdict;
import io.onestop.assistance.programs.eligibility.HouseholdFacts.MemberFacts;
import io.onestop.assistance.programs.parameters.ParameterSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 13. Old-age allowance (高龄津贴): per member aged 80 or more, the amount of their age band (80-89, 90-99, 100+), a
 * month, whatever the household's income.
 */
final class OldAgeAllowanceRule implements EligibilityRule {

    @Override
    public Program program() {
        return Program.OLD_AGE_ALLOWANCE;
    }

    @Override
    public ProgramResult evaluate(EvaluationContext context) {
        ResultBuilder out = new ResultBuilder(program());
        ParameterSet parameters = context.parameters();
        int advancedAge = parameters.advancedAge();
        int oldest = context.facts().members().stream().mapToInt(MemberFacts::age).max().orElse(0);
        boolean any = out.condition(Reason.of("MEMBER_AGED_80_OR_OVER", oldest >= advancedAge,
                BigDecimal.valueOf(oldest), BigDecimal.valueOf(advancedAge),
                "家中年龄最大的成员 " + oldest + " 岁，" + (oldest >= advancedAge ? "已满 " : "未满 ") + advancedAge + " 周岁",
                "the oldest member is " + oldest + ", " + (oldest >= advancedAge ? "" : "not ") + "aged " + advancedAge
                        + " or over"),
                ChangeNeeded.of("MEMBER_AGED_80_OR_OVER", BigDecimal.valueOf(advancedAge),
                        "家中有年满 " + advancedAge + " 周岁的成员", "a member aged " + advancedAge + " or over"));
        List<String> aged = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (MemberFacts member : context.facts().members()) {
            BigDecimal allowance = parameters.oldAgeAllowance(member.age());
            if (allowance == null) {
                continue;
            }
            aged.add(member.id());
            total = total.add(allowance);
            int band = parameters.oldAge().floorKey(member.age());
            Integer next = parameters.oldAge().higherKey(band);
            String bandZh = next == null ? band + " 周岁及以上" : band + "-" + (next - 1) + " 周岁";
            String bandEn = next == null ? band + " and over" : band + "-" + (next - 1);
            out.note(Reason.ofMember(member.id(), "AGE_BAND", true, BigDecimal.valueOf(member.age()),
                    BigDecimal.valueOf(band),
                    "成员 " + member.id() + " " + member.age() + " 岁，按 " + bandZh + "档每月 " + format(allowance) + " 元",
                    "member " + member.id() + " is " + member.age() + ": " + format(allowance) + " yuan a month (band "
                            + bandEn + ")"));
        }
        if (!any) {
            return out.notEligible();
        }
        return out.qualifies(Verdict.ELIGIBLE, false, aged, total);
    }
}
