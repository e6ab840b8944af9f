package io.onestop.assistance.monitoring;

import io.onestop.assistance.programs.LocalizedText;
import io.onestop.assistance.programs.Program;
import java.util.List;

/**
 * What another agency tells us about a person. Each type names the programs it hints at: a person who already has
 * an active case of one of them is being helped, so the warning is not raised ({@link WarningRules}).
 */
public enum SignalType {
    /** Medical insurance: a large out-of-pocket bill (amount required). */
    MEDICAL_BILL("大额自付医疗费用", "Large out-of-pocket medical bill",
            List.of(Program.MEDICAL_ASSISTANCE, Program.RIGID_EXPENDITURE, Program.TEMPORARY_ASSISTANCE)),
    /** Disabled persons' federation: a new disability certificate (grade 1-4 required). */
    DISABILITY_CERTIFICATE("新办残疾人证", "New disability certificate",
            List.of(Program.SEVERE_DISABILITY_CARE, Program.DISABILITY_LIVING_ALLOWANCE)),
    /** Human resources: registered as unemployed. */
    UNEMPLOYMENT_REGISTRATION("失业登记", "Unemployment registration",
            List.of(Program.EMPLOYMENT_ASSISTANCE, Program.MINIMUM_LIVING_ALLOWANCE)),
    /** Civil affairs / public security: a member of the person's household died. */
    DEATH_IN_HOUSEHOLD("家庭成员死亡", "Death of a household member",
            List.of(Program.TEMPORARY_ASSISTANCE, Program.MINIMUM_LIVING_ALLOWANCE)),
    /** Emergency management: the person's home lies in a disaster area (loss in amount, if known). */
    DISASTER("受灾", "Disaster in the area", List.of(Program.TEMPORARY_ASSISTANCE)),
    /** Education: a pupil left school (the signal names the pupil's guardian or the pupil). */
    SCHOOL_DROP_OUT("学生辍学", "School drop-out", List.of(Program.EDUCATION_ASSISTANCE)),
    /** Civil affairs: a program ends for the person (program required), e.g. a child turning 18. */
    PROGRAM_ENDED("救助项目到期", "End of a program",
            List.of(Program.MINIMUM_LIVING_ALLOWANCE, Program.SPECIAL_HARDSHIP, Program.MARGINAL_LOW_INCOME));

    private final LocalizedText name;
    private final List<Program> programs;

    SignalType(String zh, String en, List<Program> programs) {
        this.name = LocalizedText.of(zh, en);
        this.programs = programs;
    }

    public LocalizedText localizedName() {
        return name;
    }

    /** The programs the signal hints at. */
    public List<Program> programs() {
        return programs;
    }
}
