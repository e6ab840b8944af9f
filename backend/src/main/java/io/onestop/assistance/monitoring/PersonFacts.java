package io.onestop.assistance.monitoring;

import io.onestop.assistance.intake.Intake;
import io.onestop.assistance.intake.ProgramCase;
import io.onestop.assistance.programs.Program;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What is known of a person from their own applications (found by the keyed hash of their national id): the intakes
 * and the programs they get or are being decided on now.
 */
public record PersonFacts(List<Intake> intakes, Set<Program> activePrograms) {

    /** Case statuses in which the person is not (or no longer) helped by the program. */
    private static final Set<String> ENDED = Set.of("REJECTED", "CLOSED", "WITHDRAWN");

    public static PersonFacts of(List<Intake> intakes, List<ProgramCase> cases) {
        Set<java.util.UUID> active = intakes.stream().filter(i -> i.status == Intake.Status.ACTIVE).map(i -> i.id)
                .collect(Collectors.toSet());
        Set<Program> programs = cases.stream().filter(c -> active.contains(c.intakeId) && !ENDED.contains(c.status))
                .map(c -> Program.valueOf(c.program)).collect(Collectors.toSet());
        return new PersonFacts(intakes, programs);
    }

    public static PersonFacts none() {
        return new PersonFacts(List.of(), Set.of());
    }

    /** An application in progress: a second one cannot be submitted (one active intake per applicant). */
    public boolean hasActiveIntake() {
        return intakes.stream().anyMatch(i -> i.status == Intake.Status.ACTIVE);
    }

    /** Applications that ended (withdrawn or closed). */
    public long pastIntakes() {
        return intakes.stream().filter(i -> i.status != Intake.Status.ACTIVE).count();
    }

    /** The latest application, whose household prefills an invitation's draft. */
    public Optional<Intake> latest() {
        return intakes.stream().max(Comparator.comparing(i -> i.submittedAt));
    }
}
