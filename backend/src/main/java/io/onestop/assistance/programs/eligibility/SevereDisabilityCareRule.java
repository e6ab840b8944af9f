package io.onestop.assistance.programs.eligibility;

import static io.onestop.assistance.programs.Yuan.format;

import io.onestop.assistance.programs.ChangeNeeded;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.Reason;
import io.onestop.assistance.programs.Verdict;
import io.onestop.assistance.programs.eligibility.HouseholdFacts.MemberFacts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 11. Severe-disability care allowance (重度残疾人护理补贴): per member with disability grade 1 or 2, whatever the
 * household's income; severeDisabilityCareAllowance a month each.
 */
final class SevereDisabilityCareRule implements EligibilityRule {

    @Override
    public Program program() {
        return Program.SEVERE_DISABILITY_CARE;
    }

    @Override
    public ProgramResult evaluate(EvaluationContext context) {
        ResultBuilder out = new ResultBuilder(program());
        BigDecimal allowance = context.parameters().severeDisabilityCareAllowance();
        List<String> severe = new ArrayList<>();
        for (MemberFacts member : context.facts().members()) {
            if (!member.disabled()) {
                continue;
            }
            int grade = member.member().disabilityGrade();
            boolean qualifies = member.severelyDisabled();
            if (qualifies) {
                severe.add(member.id());
            }
            out.note(Reason.ofMember(member.id(), "DISABILITY_GRADE_1_OR_2", qualifies, BigDecimal.valueOf(grade),
                    BigDecimal.valueOf(2),
                    "成员 " + member.id() + " " + Texts.zhGrade(grade) + "残疾，"
                            + (qualifies ? "每月护理补贴 " + format(allowance) + " 元" : "不属于一级或二级重度残疾"),
                    "member " + member.id() + " has disability grade " + grade + ", "
                            + (qualifies ? format(allowance) + " yuan a month" : "not grade 1 or 2")));
        }
        int count = severe.size();
        boolean any = out.condition(Reason.of("HAS_SEVERELY_DISABLED_MEMBER", count > 0, BigDecimal.valueOf(count),
                BigDecimal.ONE,
                count > 0 ? "家中有 " + count + " 名一级或二级残疾的成员" : "家中没有一级或二级残疾的成员",
                count > 0 ? count + " member" + (count == 1 ? " has" : "s have") + " disability grade 1 or 2"
                        : "no member has disability grade 1 or 2"),
                ChangeNeeded.of("HAS_SEVERELY_DISABLED_MEMBER", BigDecimal.valueOf(2), "家中有一级或二级残疾的成员",
                        "a member with disability grade 1 or 2"));
        if (!any) {
            return out.notEligible();
        }
        return out.qualifies(Verdict.ELIGIBLE, false, severe, allowance.multiply(BigDecimal.valueOf(count)));
    }
}
