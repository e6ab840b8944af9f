package io.onestop.assistance.programs.eligibility;

import io.onestop.assistance.programs.ChangeNeeded;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.Reason;
import java.util.List;
import java.util.Map;

/**
 * How earlier verdicts open ({@link Kind#ANY_OF}) or close ({@link Kind#NONE_OF}) a program. The
 * {@link EligibilityEngine} declares one per dependent program; the rule only sees the resulting {@link Check}.
 *
 * @param code the reason code under which the rule reports the check
 * @param programs the programs looked at; for ANY_OF in order of preference (the first that qualifies is the best)
 */
public record Prerequisite(String code, Kind kind, List<Program> programs) {

    public enum Kind {
        /** At least one of the programs qualifies. */
        ANY_OF,
        /** None of the programs qualifies: they come first. */
        NONE_OF
    }

    static Prerequisite anyOf(String code, Program... programs) {
        return new Prerequisite(code, Kind.ANY_OF, List.of(programs));
    }

    static Prerequisite noneOf(String code, Program... programs) {
        return new Prerequisite(code, Kind.NONE_OF, List.of(programs));
    }

    /** Applies the prerequisite to the results so far; every program it names must already be evaluated. */
    Check check(Map<Program, ProgramResult> earlier) {
        List<Program> qualifying = programs.stream().filter(program -> {
            ProgramResult result = earlier.get(program);
            if (result == null) {
                throw new IllegalStateException(program + " must be evaluated before a program that depends on it");
            }
            return result.qualifies();
        }).toList();
        return new Check(this, kind == Kind.ANY_OF ? !qualifying.isEmpty() : qualifying.isEmpty(), qualifying);
    }

    /** The outcome of a prerequisite: whether it is met and which of its programs qualify, in its order. */
    public record Check(Prerequisite prerequisite, boolean met, List<Program> qualifying) {

        /** The condition as a reason, in the standard wording. */
        Reason reason() {
            List<Program> named = prerequisite.programs();
            if (prerequisite.kind() == Kind.ANY_OF) {
                return met
                        ? Reason.of(prerequisite.code(), true, null, null,
                                "家庭符合" + Texts.zhList(qualifying) + "条件",
                                "the household qualifies for " + Texts.enList(qualifying, "and"))
                        : Reason.of(prerequisite.code(), false, null, null,
                                "本项需要家庭先符合" + Texts.zhOr(named) + "条件，目前都不符合",
                                "needs the household to qualify first for " + Texts.enList(named, "or")
                                        + "; it qualifies for none of them");
            }
            return met
                    ? Reason.of(prerequisite.code(), true, null, null,
                            "家庭不符合" + Texts.zhOr(named) + "条件，可以认定本项",
                            "the household does not qualify for " + Texts.enList(named, "or") + ", so this can apply")
                    : Reason.of(prerequisite.code(), false, null, null,
                            "家庭已符合" + Texts.zhList(qualifying) + "条件，优先适用，本项不再认定",
                            "the household already qualifies for " + Texts.enList(qualifying, "and")
                                    + ", which comes first");
        }

        /** What would meet an unmet ANY_OF; nothing for NONE_OF, whose programs are the better outcome. */
        ChangeNeeded change() {
            if (prerequisite.kind() == Kind.NONE_OF) {
                return null;
            }
            return ChangeNeeded.of(prerequisite.code(), null, "先符合" + Texts.zhOr(prerequisite.programs()) + "条件",
                    "qualify first for " + Texts.enList(prerequisite.programs(), "or"));
        }
    }
}
