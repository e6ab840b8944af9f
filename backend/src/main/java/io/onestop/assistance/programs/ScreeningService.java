package io.onestop.assistance.programs;

import io.onestop.assistance.common.FieldProblem;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.programs.eligibility.EligibilityEngine;
import io.onestop.assistance.programs.eligibility.HouseholdFacts;
import io.onestop.assistance.programs.parameters.ParameterCatalog;
import io.onestop.assistance.programs.parameters.ParameterSet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Screens a household against all 13 programs: the public policy calculator and the evaluation the intake records at
 * submission use this same method. CPU only, no I/O.
 */
@ApplicationScoped
public class ScreeningService {

    private final ParameterCatalog parameters;
    private final EligibilityEngine engine;
    private final HouseholdValidator validator;
    private final Clock clock;

    public ScreeningService(ParameterCatalog parameters, EligibilityEngine engine, Validator validator, Clock clock) {
        this.parameters = parameters;
        this.engine = engine;
        this.validator = new HouseholdValidator(validator);
        this.clock = clock;
    }

    /**
     * Evaluates the household on its {@code asOf}, or today (the clock's date, China time) when it has none.
     *
     * @throws ProblemException 422 naming the field (JSON path) when the household is invalid, its region has no
     *         parameters, or {@code asOf} is before the region's first parameters; 400 when there is no household
     */
    public Screening screen(Household household) {
        Household dated = validated(household);
        ParameterSet parameterSet = parameters.parametersFor(dated.regionCode(), dated.asOf());
        return new Screening(dated.regionCode(), dated.asOf(), parameterSet.version(),
                engine.evaluate(dated, parameterSet));
    }

    /**
     * The monthly per-capita income of the whole household (programs-spec.md "Derived": income after the employment
     * deduction divided by all members, two decimals), as the parameters in force on its {@code asOf} count it.
     *
     * @throws ProblemException as {@link #screen(Household)}
     */
    public BigDecimal perCapitaIncome(Household household) {
        Household dated = validated(household);
        ParameterSet parameterSet = parameters.parametersFor(dated.regionCode(), dated.asOf());
        return HouseholdFacts.of(dated, parameterSet).wholeHousehold().perCapitaIncome();
    }

    /** The household with {@code asOf} resolved, or a 400/422 ProblemException. */
    private Household validated(Household household) {
        if (household == null) {
            throw ProblemException.badRequest("A household is required.");
        }
        Household dated = household.asOf() == null ? household.withAsOf(LocalDate.now(clock)) : household;
        List<FieldProblem> problems = validator.problems(dated);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return dated;
    }
}
