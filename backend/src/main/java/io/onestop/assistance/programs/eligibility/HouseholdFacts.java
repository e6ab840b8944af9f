package io.onestop.assistance.programs.eligibility;

import io.onestop.assistance.programs.Employment;
import io.onestop.assistance.programs.Household;
import io.onestop.assistance.programs.HouseholdMember;
import io.onestop.assistance.programs.Schooling;
import io.onestop.assistance.programs.Yuan;
import io.onestop.assistance.programs.parameters.ParameterSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.Collection;
import java.util.List;

/**
 * The derived facts of programs-spec.md, section "Derived", computed once per evaluation:
 * <ul>
 * <li>age of each member at {@code asOf}, in whole years;</li>
 * <li>labour capacity: {@value #MINIMUM_WORKING_AGE} &lt;= age &lt; {@code retirementAge}, not disability grade 1-2,
 * not seriously ill, and not in school ({@code schooling} NONE);</li>
 * <li>counted income: {@code monthlyIncome} less {@code employmentDeduction} for an EMPLOYED member, never below 0;</li>
 * <li>an {@link IncomeUnit} (I, N and per-capita income with two decimals, HALF_UP) of the whole household or of the
 * household without some members (the special-hardship members left out for rules 1, 3 and 4).</li>
 * </ul>
 */
public final class HouseholdFacts {

    /** Labour Law art. 15: nobody under 16 may be employed; a statutory age, not a local parameter. */
    public static final int MINIMUM_WORKING_AGE = 16;

    private final Household household;
    private final ParameterSet parameters;
    private final List<MemberFacts> members;
    private final IncomeUnit wholeHousehold;

    private HouseholdFacts(Household household, ParameterSet parameters) {
        this.household = household;
        this.parameters = parameters;
        this.members = household.members().stream().map(this::facts).toList();
        this.wholeHousehold = IncomeUnit.of(members);
    }

    /** The facts of a validated household ({@code asOf} set) under the parameters in force on {@code asOf}. */
    public static HouseholdFacts of(Household household, ParameterSet parameters) {
        if (household.asOf() == null) {
            throw new IllegalArgumentException("asOf must be resolved before evaluation");
        }
        return new HouseholdFacts(household, parameters);
    }

    /** One member and what is derived from their declaration. */
    public record MemberFacts(HouseholdMember member, int age, boolean labourCapacity, BigDecimal countedIncome) {

        public String id() {
            return member.id();
        }

        /** Disability grade 1 or 2 (重度残疾). */
        public boolean severelyDisabled() {
            return member.disabilityGrade() != null && member.disabilityGrade() <= 2;
        }

        public boolean disabled() {
            return member.disabilityGrade() != null;
        }
    }

    /** The members whose income is pooled: I (counted income), N and per-capita income. */
    public record IncomeUnit(List<MemberFacts> members, BigDecimal income, BigDecimal perCapitaIncome) {

        static IncomeUnit of(List<MemberFacts> members) {
            BigDecimal income = members.stream().map(MemberFacts::countedIncome).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new IncomeUnit(members, income,
                    members.isEmpty() ? BigDecimal.ZERO : Yuan.perCapita(income, members.size()));
        }

        /** N. */
        public int size() {
            return members.size();
        }

        public boolean isEmpty() {
            return members.isEmpty();
        }

        public List<String> memberIds() {
            return members.stream().map(MemberFacts::id).toList();
        }
    }

    public Household household() {
        return household;
    }

    public LocalDate asOf() {
        return household.asOf();
    }

    /** S: the MLA standard for the household's hukou. */
    public BigDecimal mlaStandard() {
        return parameters.mlaStandard(household.hukou());
    }

    public List<MemberFacts> members() {
        return members;
    }

    public IncomeUnit wholeHousehold() {
        return wholeHousehold;
    }

    /** The household without the given members, with I, N and per-capita income recomputed. */
    public IncomeUnit without(Collection<String> memberIds) {
        return memberIds.isEmpty() ? wholeHousehold
                : IncomeUnit.of(members.stream().filter(m -> !memberIds.contains(m.id())).toList());
    }

    private MemberFacts facts(HouseholdMember member) {
        int age = Period.between(member.birthDate(), household.asOf()).getYears();
        boolean severelyDisabled = member.disabilityGrade() != null && member.disabilityGrade() <= 2;
        boolean labourCapacity = age >= MINIMUM_WORKING_AGE && age < parameters.retirementAge()
                && !severelyDisabled && !member.seriousIllness() && member.schooling() == Schooling.NONE;
        BigDecimal counted = member.monthlyIncome();
        if (member.employment() == Employment.EMPLOYED) {
            counted = counted.subtract(parameters.employmentDeduction()).max(BigDecimal.ZERO);
        }
        return new MemberFacts(member, age, labourCapacity, counted);
    }
}
