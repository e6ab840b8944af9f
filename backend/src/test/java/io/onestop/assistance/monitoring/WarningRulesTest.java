package io.onestop.assistance.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onestop.assistance.intake.Intake;
import io.onestop.assistance.intake.ProgramCase;
import io.onestop.assistance.monitoring.MonitoringConfig.RuleParameters;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.parameters.ParameterCatalog;
import io.onestop.assistance.programs.parameters.ParameterSet;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The warning rules without the stack: one row per case, the expected level (null: no warning) in the row. */
class WarningRulesTest {

    private static final ParameterCatalog CATALOG = ParameterCatalog.fromClasspath(ParameterCatalog.INDEX);
    private static final ParameterSet TAIYUAN = CATALOG.parametersFor("140105", LocalDate.of(2026, 11, 22));

    /** The defaults of {@link MonitoringConfig.RuleParameters}, as the application has them. */
    private static final RuleParameters DEFAULTS = new RuleParameters() {
        public BigDecimal medicalBillOrangeShare() {
            return new BigDecimal("0.5");
        }

        public BigDecimal medicalBillRedShare() {
            return BigDecimal.ONE;
        }

        public int severeDisabilityGrade() {
            return 2;
        }

        public BigDecimal disasterRedLossMonths() {
            return new BigDecimal("6");
        }

        public int programEndTransitionMonths() {
            return 6;
        }
    };

    private record Row(SignalType type, String amount, Integer grade, List<String> activePrograms, WarningLevel expected) {
    }

    private static final List<Row> ROWS = List.of(
            new Row(SignalType.MEDICAL_BILL, "14999", null, List.of(), null),
            new Row(SignalType.MEDICAL_BILL, "15000", null, List.of(), WarningLevel.ORANGE),
            new Row(SignalType.MEDICAL_BILL, "29999.99", null, List.of(), WarningLevel.ORANGE),
            new Row(SignalType.MEDICAL_BILL, "30000", null, List.of(), WarningLevel.RED),
            // known to caseworkers through another program: one level lower; below YELLOW nothing
            new Row(SignalType.MEDICAL_BILL, "30000", null, List.of("MINIMUM_LIVING_ALLOWANCE"), WarningLevel.ORANGE),
            new Row(SignalType.UNEMPLOYMENT_REGISTRATION, null, null, List.of("HOUSING_ASSISTANCE"), null),
            // already helped by a program the signal hints at: nothing
            new Row(SignalType.MEDICAL_BILL, "90000", null, List.of("MEDICAL_ASSISTANCE"), null),
            new Row(SignalType.DISASTER, null, null, List.of(), WarningLevel.ORANGE),
            new Row(SignalType.DISASTER, "4013", null, List.of(), WarningLevel.ORANGE),
            new Row(SignalType.DISASTER, "4014", null, List.of(), WarningLevel.RED),
            new Row(SignalType.DISABILITY_CERTIFICATE, null, 2, List.of(), WarningLevel.ORANGE),
            new Row(SignalType.DISABILITY_CERTIFICATE, null, 3, List.of(), WarningLevel.YELLOW),
            new Row(SignalType.DEATH_IN_HOUSEHOLD, null, null, List.of(), WarningLevel.ORANGE),
            new Row(SignalType.SCHOOL_DROP_OUT, null, null, List.of(), WarningLevel.ORANGE),
            new Row(SignalType.SCHOOL_DROP_OUT, null, null, List.of("EDUCATION_ASSISTANCE"), null));

    @Test
    void everyRowGetsItsLevel() {
        for (Row row : ROWS) {
            Signal signal = new Signal();
            signal.type = row.type();
            signal.amount = row.amount() == null ? null : new BigDecimal(row.amount());
            signal.disabilityGrade = row.grade();
            signal.occurredOn = LocalDate.of(2026, 11, 20);
            signal.regionCode = "140105001";
            WarningLevel actual = WarningRules.evaluate(signal, facts(row.activePrograms()), TAIYUAN, DEFAULTS)
                    .map(WarningRules.Outcome::level).orElse(null);
            assertEquals(row.expected(), actual, row.toString());
        }
    }

    @Test
    void theSameInputGivesTheSameWarning() {
        Signal signal = new Signal();
        signal.type = SignalType.MEDICAL_BILL;
        signal.amount = new BigDecimal("32000");
        signal.occurredOn = LocalDate.of(2026, 11, 20);
        signal.regionCode = "140105";
        assertEquals(WarningRules.evaluate(signal, facts(List.of()), TAIYUAN, DEFAULTS),
                WarningRules.evaluate(signal, facts(List.of()), TAIYUAN, DEFAULTS));
    }

    /** A person with one active intake whose cases of these programs are under way. */
    private static PersonFacts facts(List<String> programs) {
        if (programs.isEmpty()) {
            return PersonFacts.none();
        }
        Intake intake = new Intake();
        intake.id = UUID.randomUUID();
        intake.status = Intake.Status.ACTIVE;
        intake.submittedAt = OffsetDateTime.now();
        List<ProgramCase> cases = programs.stream().map(p -> {
            ProgramCase c = new ProgramCase();
            c.intakeId = intake.id;
            c.program = Program.valueOf(p).name();
            c.status = "ACCEPTED";
            return c;
        }).toList();
        return PersonFacts.of(List.of(intake), cases);
    }
}
