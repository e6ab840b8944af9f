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
 * 12. Child living subsidy (孤儿和事实无人抚养儿童基本生活保障): per member under 18 whose parents are unable to raise
 * them; childSubsidy.FAMILY a month each. Such a child is not a special-hardship case (engine).
 */
final class ChildLivingSubsidyRule implements EligibilityRule {

    /** Minor Protection Law art. 2: a minor is under 18; a statutory age, not a local parameter. */
    static final int ADULT_AGE = 18;

    @Override
    public Program program() {
        return Program.CHILD_LIVING_SUBSIDY;
    }

    @Override
    public ProgramResult evaluate(EvaluationContext context) {
        ResultBuilder out = new ResultBuilder(program());
        BigDecimal subsidy = context.parameters().childSubsidyFamily();
        List<String> children = new ArrayList<>();
        for (MemberFacts member : context.facts().members()) {
            if (!member.member().parentsUnableToRaise()) {
                continue;
            }
            boolean minor = member.age() < ADULT_AGE;
            if (minor) {
                children.add(member.id());
            }
            out.note(Reason.ofMember(member.id(), "UNDER_18", minor, BigDecimal.valueOf(member.age()),
                    BigDecimal.valueOf(ADULT_AGE),
                    "成员 " + member.id() + " " + member.age() + " 岁，父母无法抚养，"
                            + (minor ? "未满 18 周岁，每月基本生活费 " + format(subsidy) + " 元" : "已满 18 周岁"),
                    "member " + member.id() + " is " + member.age() + " and the parents cannot raise them; "
                            + (minor ? "under 18: " + format(subsidy) + " yuan a month" : "no longer under 18")));
        }
        int count = children.size();
        boolean any = out.condition(Reason.of("HAS_CHILD_WITHOUT_PARENTAL_CARE", count > 0, BigDecimal.valueOf(count),
                BigDecimal.ONE,
                count > 0 ? "家中有 " + count + " 名父母无法抚养的未满 18 周岁儿童" : "家中没有父母无法抚养的未满 18 周岁儿童",
                count > 0 ? count + " child" + (count == 1 ? "" : "ren") + " under 18 whose parents cannot raise them"
                        : "no child under 18 whose parents cannot raise them"),
                ChangeNeeded.of("HAS_CHILD_WITHOUT_PARENTAL_CARE", null, "家中有父母无法抚养的未满 18 周岁儿童",
                        "a child under 18 whose parents cannot raise them"));
        if (!any) {
            return out.notEligible();
        }
        return out.qualifies(Verdict.ELIGIBLE, false, children, subsidy.multiply(BigDecimal.valueOf(count)));
    }
}
