package io.onestop.assistance.programs.eligibility;

import static io.onestop.assistance.programs.Yuan.format;

import io.onestop.assistance.programs.ChangeNeeded;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.Reason;
import io.onestop.assistance.programs.Verdict;
import io.onestop.assistance.programs.eligibility.HouseholdFacts.MemberFacts;
import java.math.BigDecimal;
import java.util.List;

/**
 * 10. Disability living allowance (困难残疾人生活补贴): a household that qualifies for 1 or 2 (engine); per member with
 * any disability grade, disabilityLivingAllowance a month.
 */
final class DisabilityLivingAllowanceRule implements EligibilityRule {

    @Override
    public Program program() {
        return Program.DISABILITY_LIVING_ALLOWANCE;
    }

    @Override
    public ProgramResult evaluate(EvaluationContext context) {
        ResultBuilder out = new ResultBuilder(program());
        boolean status = out.prerequisite(context.prerequisite());
        List<MemberFacts> disabled = context.facts().members().stream().filter(MemberFacts::disabled).toList();
        int count = disabled.size();
        boolean any = out.condition(Reason.of("HAS_DISABLED_MEMBER", count > 0, BigDecimal.valueOf(count),
                BigDecimal.ONE,
                count > 0 ? "家中有 " + count + " 名持残疾人证的成员" : "家中没有持残疾人证的成员",
                count > 0 ? count + " member" + (count == 1 ? " has" : "s have") + " a disability grade"
                        : "no member has a disability grade"),
                ChangeNeeded.of("HAS_DISABLED_MEMBER", null, "家中有持残疾人证的成员", "a member with a disability grade"));
        BigDecimal allowance = context.parameters().disabilityLivingAllowance();
        for (MemberFacts member : disabled) {
            int grade = member.member().disabilityGrade();
            out.note(Reason.ofMember(member.id(), "DISABLED_MEMBER", true, allowance, null,
                    "成员 " + member.id() + " " + Texts.zhGrade(grade) + "残疾，每月 " + format(allowance) + " 元",
                    "member " + member.id() + " has disability grade " + grade + ": " + format(allowance)
                            + " yuan a month"));
        }
        if (!(status && any)) {
            return out.notEligible();
        }
        return out.qualifies(Verdict.ELIGIBLE, false, disabled.stream().map(MemberFacts::id).toList(),
                allowance.multiply(BigDecimal.valueOf(count)));
    }
}
