package io.onestop.assistance.programs;

import io.onestop.assistance.programs.eligibility.EligibilityEngine;
import io.onestop.assistance.programs.parameters.ParameterCatalog;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Households for tests, built in the words of the rule book: {@code household().member(applicant(40).unemployed())}.
 * Ages are whole years at {@code asOf} (the member's birthday is {@code asOf}), so a member of age 16 is exactly 16.
 */
public final class Households {

    /** The date of the worked examples of programs-spec.md. */
    public static final LocalDate AS_OF = LocalDate.parse("2026-11-22");
    public static final ParameterCatalog PARAMETERS = ParameterCatalog.fromClasspath(ParameterCatalog.INDEX);

    private String regionCode = "140105";
    private Hukou hukou = Hukou.URBAN;
    private LocalDate asOf = AS_OF;
    private final List<MemberSpec> members = new ArrayList<>();
    private BigDecimal financialAssets = BigDecimal.ZERO;
    private Integer vehicles = 0;
    private Integer homes = 1;
    private BigDecimal medical = BigDecimal.ZERO;
    private BigDecimal education = BigDecimal.ZERO;
    private Boolean supporter = false;
    private Housing housing = Housing.ADEQUATE;
    private SuddenEvent event;

    private Households() {
    }

    /** An urban household of region 140105 evaluated on {@link #AS_OF}, no assets but one home, nothing else. */
    public static Households household() {
        return new Households();
    }

    /** A service as the application wires it, on a clock that says {@link #AS_OF} in China. */
    public static ScreeningService screeningService() {
        return new ScreeningService(PARAMETERS, new EligibilityEngine(), validator(),
                Clock.fixed(AS_OF.atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant(),
                        ZoneId.of("Asia/Shanghai")));
    }

    public static Validator validator() {
        return Validation.byDefaultProvider().configure().messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory().getValidator();
    }

    public static MemberSpec applicant(int age) {
        return new MemberSpec(Relationship.APPLICANT, age);
    }

    public static MemberSpec member(Relationship relationship, int age) {
        return new MemberSpec(relationship, age);
    }

    public Households region(String code) {
        this.regionCode = code;
        return this;
    }

    public Households rural() {
        this.hukou = Hukou.RURAL;
        return this;
    }

    public Households asOf(String date) {
        this.asOf = date == null ? null : LocalDate.parse(date);
        return this;
    }

    public Households member(MemberSpec member) {
        members.add(member);
        return this;
    }

    public Households financialAssets(long yuan) {
        this.financialAssets = BigDecimal.valueOf(yuan);
        return this;
    }

    public Households vehicles(int count) {
        this.vehicles = count;
        return this;
    }

    public Households homes(int count) {
        this.homes = count;
        return this;
    }

    public Households medical(long yuan) {
        this.medical = BigDecimal.valueOf(yuan);
        return this;
    }

    public Households educationSpending(long yuan) {
        this.education = BigDecimal.valueOf(yuan);
        return this;
    }

    public Households ableSupporter() {
        this.supporter = true;
        return this;
    }

    public Households housing(Housing value) {
        this.housing = value;
        return this;
    }

    /** A sudden event {@code daysAgo} days before {@code asOf}. */
    public Households event(SuddenEventType type, int daysAgo, long loss) {
        LocalDate date = (asOf == null ? AS_OF : asOf).minusDays(daysAgo);
        this.event = new SuddenEvent(type, date, BigDecimal.valueOf(loss));
        return this;
    }

    public Household build() {
        LocalDate reference = asOf == null ? AS_OF : asOf;
        List<HouseholdMember> built = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            built.add(members.get(i).build("m" + (i + 1), reference));
        }
        return new Household(regionCode, hukou, asOf, built, new Assets(financialAssets, vehicles, homes),
                new RigidExpenditure(medical, education), supporter, housing, event);
    }

    /** One member; EMPLOYED or not, no income, no disability, not in school unless said otherwise. */
    public static final class MemberSpec {

        private final Relationship relationship;
        private final int age;
        private Integer grade;
        private boolean seriousIllness;
        private Schooling schooling = Schooling.NONE;
        private Employment employment = Employment.NOT_IN_LABOUR_FORCE;
        private BigDecimal income = BigDecimal.ZERO;
        private boolean parentsUnableToRaise;

        private MemberSpec(Relationship relationship, int age) {
            this.relationship = relationship;
            this.age = age;
        }

        public MemberSpec unemployed() {
            this.employment = Employment.UNEMPLOYED;
            return this;
        }

        public MemberSpec earning(String yuan) {
            this.employment = Employment.EMPLOYED;
            this.income = new BigDecimal(yuan);
            return this;
        }

        public MemberSpec earning(long yuan) {
            return earning(Long.toString(yuan));
        }

        /** Income that is not from work (a pension, support), so no employment deduction applies. */
        public MemberSpec otherIncome(long yuan) {
            this.income = BigDecimal.valueOf(yuan);
            return this;
        }

        public MemberSpec retired() {
            this.employment = Employment.RETIRED;
            return this;
        }

        public MemberSpec grade(int disabilityGrade) {
            this.grade = disabilityGrade;
            return this;
        }

        public MemberSpec seriouslyIll() {
            this.seriousIllness = true;
            return this;
        }

        public MemberSpec school(Schooling level) {
            this.schooling = level;
            return this;
        }

        public MemberSpec parentsUnableToRaise() {
            this.parentsUnableToRaise = true;
            return this;
        }

        HouseholdMember build(String id, LocalDate asOf) {
            return new HouseholdMember(id, relationship, asOf.minusYears(age), grade, seriousIllness, schooling,
                    employment, income, parentsUnableToRaise);
        }
    }
}
