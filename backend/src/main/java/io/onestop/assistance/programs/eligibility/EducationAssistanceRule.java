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
 * 7. Education assistance (教育救助): a household that qualifies for 1, 2 or 3, or with a member who gets the child
 * living subsidy (12) (engine); per student from primary school to college, education[level] a month.
 */
final class EducationAssistanceRule implements EligibilityRule {

    @Override
    public Program program() {
        return Program.EDUCATION_ASSISTANCE;
    }

    @Override
    public ProgramResult evaluate(EvaluationContext context) {
        ResultBuilder out = new ResultBuilder(program());
        boolean status = out.prerequisite(context.prerequisite());
        List<MemberFacts> students = context.facts().members().stream()
                .filter(m -> context.parameters().education(m.member().schooling()) != null).toList();
        int count = students.size();
        boolean anyStudent = out.condition(Reason.of("HAS_STUDENT", count > 0, BigDecimal.valueOf(count),
                BigDecimal.ONE,
                count > 0 ? "家中有 " + count + " 名在读学生（小学至大学）" : "家中没有在读的小学至大学学生",
                count > 0 ? count + " member" + (count == 1 ? " is a student" : "s are students")
                        + " (primary school to college)" : "no member is a student (primary school to college)"),
                ChangeNeeded.of("HAS_STUDENT", null, "家中有在读的小学至大学学生",
                        "a member studying at primary school to college"));
        BigDecimal total = BigDecimal.ZERO;
        for (MemberFacts student : students) {
            BigDecimal amount = context.parameters().education(student.member().schooling());
            total = total.add(amount);
            out.note(Reason.ofMember(student.id(), "STUDENT", true, amount, null,
                    "成员 " + student.id() + " 就读" + Texts.zhSchool(student.member().schooling()) + "，每月 "
                            + format(amount) + " 元",
                    "member " + student.id() + " is at " + Texts.enSchool(student.member().schooling()) + ": "
                            + format(amount) + " yuan a month"));
        }
        if (!(status && anyStudent)) {
            return out.notEligible();
        }
        return out.qualifies(Verdict.ELIGIBLE, false, students.stream().map(MemberFacts::id).toList(), total);
    }
}
