package io.onestop.assistance.programs.eligibility;

import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;

/**
 * The rule of one program, as code: a pure function of the household, its derived facts, the parameters in force and
 * whatever the {@link EligibilityEngine} passed on from earlier programs. No I/O, no clock, no state.
 */
public interface EligibilityRule {

    Program program();

    ProgramResult evaluate(EvaluationContext context);
}
