package io.onestop.assistance.programs.eligibility;

import io.onestop.assistance.programs.Household;
import io.onestop.assistance.programs.parameters.ParameterSet;
import java.util.Collection;
import java.util.Set;

/**
 * What a rule may read: the household, its derived facts, the parameters, and what the {@link EligibilityEngine}
 * passes on from earlier programs. Immutable; the engine makes a new one for each step. Reading something the engine
 * has not provided yet is a programming error and fails loudly, so an out-of-order evaluation cannot go unnoticed.
 */
public final class EvaluationContext {

    private final HouseholdFacts facts;
    private final ParameterSet parameters;
    private final Prerequisite.Check prerequisite;
    private final Set<String> childSubsidyMembers;
    private final HouseholdFacts.IncomeUnit assessedHousehold;

    private EvaluationContext(HouseholdFacts facts, ParameterSet parameters, Prerequisite.Check prerequisite,
            Set<String> childSubsidyMembers, HouseholdFacts.IncomeUnit assessedHousehold) {
        this.facts = facts;
        this.parameters = parameters;
        this.prerequisite = prerequisite;
        this.childSubsidyMembers = childSubsidyMembers;
        this.assessedHousehold = assessedHousehold;
    }

    static EvaluationContext start(HouseholdFacts facts, ParameterSet parameters) {
        return new EvaluationContext(facts, parameters, null, null, null);
    }

    public Household household() {
        return facts.household();
    }

    public HouseholdFacts facts() {
        return facts;
    }

    public ParameterSet parameters() {
        return parameters;
    }

    /** The check of the earlier verdicts this rule depends on. */
    public Prerequisite.Check prerequisite() {
        return required(prerequisite, "a prerequisite");
    }

    /** Members who receive the child living subsidy (12); they are not special-hardship cases. */
    public Set<String> childSubsidyMembers() {
        return required(childSubsidyMembers, "the child living subsidy result");
    }

    /** The household for rules 1, 3 and 4: without its special-hardship members. */
    public HouseholdFacts.IncomeUnit assessedHousehold() {
        return required(assessedHousehold, "the special hardship result");
    }

    EvaluationContext withPrerequisite(Prerequisite.Check check) {
        return new EvaluationContext(facts, parameters, check, childSubsidyMembers, assessedHousehold);
    }

    EvaluationContext withChildSubsidyMembers(Collection<String> members) {
        return new EvaluationContext(facts, parameters, prerequisite, Set.copyOf(members), assessedHousehold);
    }

    EvaluationContext withAssessedHousehold(HouseholdFacts.IncomeUnit household) {
        return new EvaluationContext(facts, parameters, prerequisite, childSubsidyMembers, household);
    }

    private static <T> T required(T value, String what) {
        if (value == null) {
            throw new IllegalStateException("The engine has not provided " + what + " to this rule");
        }
        return value;
    }
}
