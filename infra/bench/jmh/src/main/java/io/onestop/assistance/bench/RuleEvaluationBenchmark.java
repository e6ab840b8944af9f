package io.onestop.assistance.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.onestop.assistance.programs.Household;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.eligibility.EligibilityEngine;
import io.onestop.assistance.programs.parameters.ParameterCatalog;
import io.onestop.assistance.programs.parameters.ParameterSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The hot CPU path of every screening and submission: the 13 rules of {@link EligibilityEngine} for one household,
 * with the parameter set already looked up (as {@code ScreeningService.screen} does after validation). Households
 * are read from JSON in the screening contract's shape, so this breaks when that contract changes, as it should.
 * Fork, warm-up and measurement counts come from the harness's command line (infra/bench/run).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RuleEvaluationBenchmark {

    /** Worked example A of programs-spec.md: a couple and a child, one low income, fanned out to three programs. */
    static final String FAMILY_OF_THREE = """
            {"regionCode": "140105", "hukou": "URBAN", "asOf": "2026-11-22",
             "members": [
               {"id": "m1", "relationship": "APPLICANT", "birthDate": "1986-03-01", "disabilityGrade": null,
                "seriousIllness": false, "schooling": "NONE", "employment": "UNEMPLOYED", "monthlyIncome": 0,
                "parentsUnableToRaise": false},
               {"id": "m2", "relationship": "SPOUSE", "birthDate": "1988-05-10", "disabilityGrade": null,
                "seriousIllness": false, "schooling": "NONE", "employment": "EMPLOYED", "monthlyIncome": 900,
                "parentsUnableToRaise": false},
               {"id": "m3", "relationship": "CHILD", "birthDate": "2016-09-01", "disabilityGrade": null,
                "seriousIllness": false, "schooling": "PRIMARY", "employment": "NOT_IN_LABOUR_FORCE",
                "monthlyIncome": 0, "parentsUnableToRaise": false}],
             "assets": {"financialAssets": 0, "nonEssentialVehicles": 0, "ownedHomes": 1},
             "rigidExpenditure12m": {"medical": 0, "education": 0},
             "hasAbleSupporter": false, "housing": "ADEQUATE", "suddenEvent": null}""";

    /** An old, seriously ill person living alone with a disability: the special-hardship and disability paths. */
    static final String ELDERLY_ALONE = """
            {"regionCode": "140105", "hukou": "RURAL", "asOf": "2026-11-22",
             "members": [
               {"id": "m1", "relationship": "APPLICANT", "birthDate": "1940-03-01", "disabilityGrade": 2,
                "seriousIllness": true, "schooling": "NONE", "employment": "NOT_IN_LABOUR_FORCE", "monthlyIncome": 0,
                "parentsUnableToRaise": false}],
             "assets": {"financialAssets": 0, "nonEssentialVehicles": 0, "ownedHomes": 0},
             "rigidExpenditure12m": {"medical": 30000, "education": 0},
             "hasAbleSupporter": false, "housing": "NO_HOME_RENTING", "suddenEvent": null}""";

    /** Six members over three generations with incomes, a student and a grandparent: the widest household walk. */
    static final String SIX_MEMBERS = """
            {"regionCode": "140105", "hukou": "URBAN", "asOf": "2026-11-22",
             "members": [
               {"id": "m1", "relationship": "APPLICANT", "birthDate": "1975-03-01", "disabilityGrade": null,
                "seriousIllness": false, "schooling": "NONE", "employment": "EMPLOYED", "monthlyIncome": 1500,
                "parentsUnableToRaise": false},
               {"id": "m2", "relationship": "SPOUSE", "birthDate": "1977-05-10", "disabilityGrade": 3,
                "seriousIllness": false, "schooling": "NONE", "employment": "UNEMPLOYED", "monthlyIncome": 0,
                "parentsUnableToRaise": false},
               {"id": "m3", "relationship": "CHILD", "birthDate": "2005-09-01", "disabilityGrade": null,
                "seriousIllness": false, "schooling": "VOCATIONAL", "employment": "NOT_IN_LABOUR_FORCE",
                "monthlyIncome": 0, "parentsUnableToRaise": false},
               {"id": "m4", "relationship": "CHILD", "birthDate": "2012-01-15", "disabilityGrade": null,
                "seriousIllness": false, "schooling": "PRIMARY", "employment": "NOT_IN_LABOUR_FORCE",
                "monthlyIncome": 0, "parentsUnableToRaise": false},
               {"id": "m5", "relationship": "PARENT", "birthDate": "1948-07-20", "disabilityGrade": null,
                "seriousIllness": true, "schooling": "NONE", "employment": "NOT_IN_LABOUR_FORCE",
                "monthlyIncome": 300, "parentsUnableToRaise": false},
               {"id": "m6", "relationship": "PARENT", "birthDate": "1950-02-02", "disabilityGrade": null,
                "seriousIllness": false, "schooling": "NONE", "employment": "NOT_IN_LABOUR_FORCE",
                "monthlyIncome": 200, "parentsUnableToRaise": false}],
             "assets": {"financialAssets": 5000, "nonEssentialVehicles": 0, "ownedHomes": 1},
             "rigidExpenditure12m": {"medical": 12000, "education": 6000},
             "hasAbleSupporter": false, "housing": "ADEQUATE",
             "suddenEvent": null}""";

    @Param({"familyOfThree", "elderlyAlone", "sixMembers"})
    public String household;

    private final EligibilityEngine engine = new EligibilityEngine();
    private Household subject;
    private ParameterSet parameters;

    @Setup
    public void setUp() throws Exception {
        String json = switch (household) {
            case "familyOfThree" -> FAMILY_OF_THREE;
            case "elderlyAlone" -> ELDERLY_ALONE;
            case "sixMembers" -> SIX_MEMBERS;
            default -> throw new IllegalArgumentException(household);
        };
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        subject = mapper.readValue(json, Household.class);
        parameters = ParameterCatalog.fromClasspath(ParameterCatalog.INDEX)
                .parametersFor(subject.regionCode(), subject.asOf());
        List<ProgramResult> results = engine.evaluate(subject, parameters);
        if (results.size() != 13) {
            throw new IllegalStateException("expected 13 program results, got " + results.size());
        }
    }

    /** The 13 rules for one household (the result is returned, so the JIT cannot drop the work). */
    @Benchmark
    public List<ProgramResult> evaluate() {
        return engine.evaluate(subject, parameters);
    }
}
