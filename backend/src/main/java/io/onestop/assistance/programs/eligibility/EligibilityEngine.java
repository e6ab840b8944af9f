package io.onestop.assistance.programs.eligibility;

import static io.onestop.assistance.programs.Program.CHILD_LIVING_SUBSIDY;
import static io.onestop.assistance.programs.Program.MARGINAL_LOW_INCOME;
import static io.onestop.assistance.programs.Program.MINIMUM_LIVING_ALLOWANCE;
import static io.onestop.assistance.programs.Program.RIGID_EXPENDITURE;
import static io.onestop.assistance.programs.Program.SPECIAL_HARDSHIP;

import io.onestop.assistance.programs.Household;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.parameters.ParameterSet;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates the 13 rules for a household. This class is the one place where programs depend on each other
 * (programs-spec.md, "The 13 programs"); each rule only reads what is handed to it here:
 * <ul>
 * <li>12 before 2: a child who gets the child living subsidy is not counted as a special-hardship case;</li>
 * <li>special-hardship members leave the household for 1, 3 and 4 (I, N and pci recomputed without them);</li>
 * <li>3 only if not 1; 4 only if none of 1, 2 and 3;</li>
 * <li>5 through a recent sudden event, or through 4;</li>
 * <li>6 after 2, 1, 3 or 4 (that order is also the order of preference of the medical ratio); 7 after 1, 2, 3 or 12;
 * 8 after 1, 2 or 3; 9 after 1 or 3; 10 after 1 or 2;</li>
 * <li>11 and 13 depend on nothing: they are paid whatever the income.</li>
 * </ul>
 * Rules run in this dependency order; the answer lists them in the spec's order ({@link Program}).
 */
@ApplicationScoped
public class EligibilityEngine {

    private final EligibilityRule childLivingSubsidy = new ChildLivingSubsidyRule();
    private final EligibilityRule specialHardship = new SpecialHardshipRule();
    private final EligibilityRule minimumLivingAllowance = new MinimumLivingAllowanceRule();
    private final EligibilityRule marginalLowIncome = new MarginalLowIncomeRule();
    private final EligibilityRule rigidExpenditure = new RigidExpenditureRule();
    private final EligibilityRule temporaryAssistance = new TemporaryAssistanceRule();
    private final EligibilityRule medicalAssistance = new MedicalAssistanceRule();
    private final EligibilityRule educationAssistance = new EducationAssistanceRule();
    private final EligibilityRule housingAssistance = new HousingAssistanceRule();
    private final EligibilityRule employmentAssistance = new EmploymentAssistanceRule();
    private final EligibilityRule disabilityLivingAllowance = new DisabilityLivingAllowanceRule();
    private final EligibilityRule severeDisabilityCare = new SevereDisabilityCareRule();
    private final EligibilityRule oldAgeAllowance = new OldAgeAllowanceRule();

    /**
     * The results of all 13 programs in spec order, for a validated household whose {@code asOf} is set, under the
     * parameters in force on that date.
     */
    public List<ProgramResult> evaluate(Household household, ParameterSet parameters) {
        HouseholdFacts facts = HouseholdFacts.of(household, parameters);
        Map<Program, ProgramResult> results = new EnumMap<>(Program.class);
        EvaluationContext context = EvaluationContext.start(facts, parameters);

        run(childLivingSubsidy, context, results);
        context = context.withChildSubsidyMembers(results.get(CHILD_LIVING_SUBSIDY).members());
        run(specialHardship, context, results);
        context = context.withAssessedHousehold(facts.without(results.get(SPECIAL_HARDSHIP).members()));

        run(minimumLivingAllowance, context, results);
        run(marginalLowIncome, context, results, Prerequisite.noneOf("NOT_MINIMUM_LIVING_ALLOWANCE",
                MINIMUM_LIVING_ALLOWANCE));
        run(rigidExpenditure, context, results, Prerequisite.noneOf("NO_HIGHER_STATUS",
                MINIMUM_LIVING_ALLOWANCE, SPECIAL_HARDSHIP, MARGINAL_LOW_INCOME));
        run(temporaryAssistance, context, results, Prerequisite.anyOf("RIGID_EXPENDITURE_HOUSEHOLD",
                RIGID_EXPENDITURE));

        run(medicalAssistance, context, results, Prerequisite.anyOf("ASSISTED_HOUSEHOLD",
                SPECIAL_HARDSHIP, MINIMUM_LIVING_ALLOWANCE, MARGINAL_LOW_INCOME, RIGID_EXPENDITURE));
        run(educationAssistance, context, results, Prerequisite.anyOf("ASSISTED_HOUSEHOLD",
                MINIMUM_LIVING_ALLOWANCE, SPECIAL_HARDSHIP, MARGINAL_LOW_INCOME, CHILD_LIVING_SUBSIDY));
        run(housingAssistance, context, results, Prerequisite.anyOf("ASSISTED_HOUSEHOLD",
                MINIMUM_LIVING_ALLOWANCE, SPECIAL_HARDSHIP, MARGINAL_LOW_INCOME));
        run(employmentAssistance, context, results, Prerequisite.anyOf("ASSISTED_HOUSEHOLD",
                MINIMUM_LIVING_ALLOWANCE, MARGINAL_LOW_INCOME));
        run(disabilityLivingAllowance, context, results, Prerequisite.anyOf("ASSISTED_HOUSEHOLD",
                MINIMUM_LIVING_ALLOWANCE, SPECIAL_HARDSHIP));

        run(severeDisabilityCare, context, results);
        run(oldAgeAllowance, context, results);

        return Arrays.stream(Program.values()).map(program -> {
            ProgramResult result = results.get(program);
            if (result == null) {
                throw new IllegalStateException("No rule evaluated " + program);
            }
            return result;
        }).toList();
    }

    private static void run(EligibilityRule rule, EvaluationContext context, Map<Program, ProgramResult> results) {
        results.put(rule.program(), rule.evaluate(context));
    }

    private static void run(EligibilityRule rule, EvaluationContext context, Map<Program, ProgramResult> results,
            Prerequisite prerequisite) {
        results.put(rule.program(), rule.evaluate(context.withPrerequisite(prerequisite.check(results))));
    }
}
