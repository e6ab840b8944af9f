package io.onestop.assistance.programs.eligibility;

import static io.onestop.assistance.programs.Yuan.format;

import io.onestop.assistance.programs.ChangeNeeded;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.Reason;
import io.onestop.assistance.programs.Verdict;
import io.onestop.assistance.programs.Yuan;
import io.onestop.assistance.programs.eligibility.HouseholdFacts.MemberFacts;
import io.onestop.assistance.programs.parameters.CareLevel;
import io.onestop.assistance.programs.parameters.ParameterSet;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * 2. Special hardship support (特困人员救助供养), per member: (age &gt;= 60 or disability grade 1-2 or age &lt; 16), no
 * labour capacity, own monthly income &lt; S, no able supporter, and no OTHER member of the household able to work; a
 * child who receives the child living subsidy (12) is not counted (engine). Pays each such member
 * ceil(specialHardshipMultiplier x S) plus the care allowance of their care level, monthly.
 * The age of 60 is {@code retirementAge}, the only parameter the spec gives for it.
 */
final class SpecialHardshipRule implements EligibilityRule {

    @Override
    public Program program() {
        return Program.SPECIAL_HARDSHIP;
    }

    @Override
    public ProgramResult evaluate(EvaluationContext context) {
        ResultBuilder out = new ResultBuilder(program());
        ParameterSet parameters = context.parameters();
        BigDecimal standard = context.facts().mlaStandard();
        boolean noSupporter = !context.household().hasAbleSupporter();
        out.condition(Reason.of("NO_ABLE_SUPPORTER", noSupporter, null, null,
                noSupporter ? "没有有能力履行赡养、抚养或扶养义务的法定义务人"
                        : "有能力履行赡养、抚养或扶养义务的法定义务人可以提供支持",
                noSupporter ? "no legal supporter is able to provide support"
                        : "a legal supporter is able to provide support"), null);

        BigDecimal basicSupport = Yuan.roundUp(parameters.specialHardshipMultiplier().multiply(standard));
        List<String> eligible = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (MemberFacts member : context.facts().members()) {
            if (!inCategory(out, member, parameters) || !memberConditions(out, context, member, standard)
                    || !noSupporter) {
                continue;
            }
            BigDecimal care = careAllowance(out, member, parameters, basicSupport);
            eligible.add(member.id());
            total = total.add(basicSupport).add(care);
        }
        return eligible.isEmpty() ? out.notEligible() : out.qualifies(Verdict.ELIGIBLE, false, eligible, total);
    }

    /** Elderly, severely disabled or a minor: the people special hardship support is for. */
    private static boolean inCategory(ResultBuilder out, MemberFacts member, ParameterSet parameters) {
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        if (member.age() >= parameters.retirementAge()) {
            zh.add("年满 " + parameters.retirementAge() + " 周岁");
            en.add("aged " + parameters.retirementAge() + " or over");
        }
        if (member.severelyDisabled()) {
            zh.add(Texts.zhGrade(member.member().disabilityGrade()) + "残疾");
            en.add("disability grade " + member.member().disabilityGrade());
        }
        if (member.age() < HouseholdFacts.MINIMUM_WORKING_AGE) {
            zh.add("未满 " + HouseholdFacts.MINIMUM_WORKING_AGE + " 周岁");
            en.add("under " + HouseholdFacts.MINIMUM_WORKING_AGE);
        }
        boolean met = !zh.isEmpty();
        String id = member.id();
        Reason reason = Reason.ofMember(id, "ELDERLY_DISABLED_OR_MINOR", met, BigDecimal.valueOf(member.age()), null,
                met ? "成员 " + id + " " + member.age() + " 岁，" + String.join("、", zh)
                        : "成员 " + id + " " + member.age() + " 岁，不是老年人或一级、二级残疾人，也不是未满 "
                                + HouseholdFacts.MINIMUM_WORKING_AGE + " 周岁的未成年人",
                met ? "member " + id + " is " + member.age() + ": " + String.join(", ", en)
                        : "member " + id + " is " + member.age() + ": not aged " + parameters.retirementAge()
                                + " or over, not disability grade 1 or 2, not under "
                                + HouseholdFacts.MINIMUM_WORKING_AGE);
        return out.condition(reason, ChangeNeeded.of("ELDERLY_DISABLED_OR_MINOR", null,
                "家中有年满 " + parameters.retirementAge() + " 周岁、一级或二级残疾或未满 "
                        + HouseholdFacts.MINIMUM_WORKING_AGE + " 周岁的成员",
                "a member aged " + parameters.retirementAge() + " or over, with disability grade 1 or 2, or under "
                        + HouseholdFacts.MINIMUM_WORKING_AGE));
    }

    /** The conditions on a member of the category; all are recorded, so the resident sees every one. */
    private static boolean memberConditions(ResultBuilder out, EvaluationContext context, MemberFacts member,
            BigDecimal standard) {
        String id = member.id();
        boolean noCapacity = out.condition(Reason.ofMember(id, "NO_LABOUR_CAPACITY", !member.labourCapacity(), null,
                null, member.labourCapacity() ? "成员 " + id + " 有劳动能力" : "成员 " + id + " 没有劳动能力",
                member.labourCapacity() ? "member " + id + " is able to work" : "member " + id + " is unable to work"),
                null);

        BigDecimal income = member.member().monthlyIncome();
        boolean lowIncome = income.compareTo(standard) < 0;
        BigDecimal highest = Yuan.highestIncomeBelow(standard, 1);
        boolean ownIncome = out.condition(Reason.ofMember(id, "OWN_INCOME_BELOW_STANDARD", lowIncome, income, standard,
                "成员 " + id + " 本人月收入 " + format(income) + " 元，" + (lowIncome ? "低于" : "不低于") + "低保标准 "
                        + format(standard) + " 元",
                "member " + id + "'s own income is " + format(income) + " yuan a month, "
                        + (lowIncome ? "below" : "not below") + " the standard of " + format(standard) + " yuan"),
                highest == null ? null : ChangeNeeded.ofMember(id, "OWN_INCOME_BELOW_STANDARD", highest,
                        "成员 " + id + " 本人月收入不超过 " + format(highest) + " 元",
                        "member " + id + "'s own income at most " + format(highest) + " yuan a month"));

        long othersAble = context.facts().members().stream()
                .filter(other -> other != member && other.labourCapacity()).count();
        int retirementAge = context.parameters().retirementAge();
        boolean nobodyElse = out.condition(Reason.ofMember(id, "NO_OTHER_MEMBER_ABLE_TO_WORK", othersAble == 0,
                BigDecimal.valueOf(othersAble), BigDecimal.ZERO,
                othersAble == 0 ? "家中没有其他有劳动能力的成员"
                        : "家中还有 " + othersAble + " 名有劳动能力的成员（" + HouseholdFacts.MINIMUM_WORKING_AGE + " 至 "
                                + (retirementAge - 1) + " 周岁、非重度残疾或重病、未在读）",
                othersAble == 0 ? "no other member is able to work"
                        : othersAble + " other member" + (othersAble == 1 ? " is" : "s are") + " able to work (aged "
                                + HouseholdFacts.MINIMUM_WORKING_AGE + " to " + (retirementAge - 1)
                                + ", not severely disabled or seriously ill, not in school)"),
                ChangeNeeded.ofMember(id, "NO_OTHER_MEMBER_ABLE_TO_WORK", BigDecimal.ZERO,
                        "家中没有其他有劳动能力的成员", "no other member of the household able to work"));

        boolean childSubsidy = context.childSubsidyMembers().contains(id);
        boolean notChild = out.condition(Reason.ofMember(id, "NOT_CHILD_LIVING_SUBSIDY", !childSubsidy, null, null,
                childSubsidy ? "成员 " + id + " 享受孤儿和事实无人抚养儿童保障，不重复认定为特困人员"
                        : "成员 " + id + " 不享受孤儿和事实无人抚养儿童保障",
                childSubsidy ? "member " + id + " gets the child living subsidy and is not counted as special hardship"
                        : "member " + id + " does not get the child living subsidy"), null);
        return noCapacity && ownIncome && nobodyElse && notChild;
    }

    /** FULL for grade 1-2 or serious illness, PARTIAL from advanced age (80), else SELF_CARE. */
    private static BigDecimal careAllowance(ResultBuilder out, MemberFacts member, ParameterSet parameters,
            BigDecimal basicSupport) {
        CareLevel level = member.severelyDisabled() || member.member().seriousIllness() ? CareLevel.FULL
                : member.age() >= parameters.advancedAge() ? CareLevel.PARTIAL : CareLevel.SELF_CARE;
        BigDecimal care = parameters.careAllowance().get(level);
        String levelZh = switch (level) {
            case FULL -> "全护理";
            case PARTIAL -> "半护理";
            case SELF_CARE -> "生活自理";
        };
        String levelEn = switch (level) {
            case FULL -> "full care";
            case PARTIAL -> "partial care";
            case SELF_CARE -> "self-care";
        };
        String id = member.id();
        out.note(Reason.ofMember(id, "SUPPORT_AMOUNT", true, basicSupport.add(care), null,
                "成员 " + id + " 每月基本生活费 " + format(basicSupport) + " 元（低保标准的 "
                        + format(parameters.specialHardshipMultiplier()) + " 倍），" + levelZh + "护理补贴 " + format(care)
                        + " 元",
                "member " + id + ": " + format(basicSupport) + " yuan a month basic support ("
                        + format(parameters.specialHardshipMultiplier()) + " x the standard) and " + format(care)
                        + " yuan " + levelEn + " allowance"));
        return care;
    }
}
