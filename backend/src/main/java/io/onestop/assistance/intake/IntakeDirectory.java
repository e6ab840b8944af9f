package io.onestop.assistance.intake;

import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.intake.ApplicationOutline.CaseRef;
import io.onestop.assistance.intake.ApplicationOutline.ProgramMembers;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.ScreeningService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Read-only outlines of drafts and intakes for other contexts; callers hold a session. A missing draft or intake, or
 * a draft of someone else, is a 404 here already, so no caller can tell the two apart.
 */
@ApplicationScoped
public class IntakeDirectory {

    private final DraftService drafts;
    private final IntakeRepository intakes;
    private final ProgramCaseRepository cases;
    private final ScreeningService screening;

    public IntakeDirectory(DraftService drafts, IntakeRepository intakes, ProgramCaseRepository cases,
            ScreeningService screening) {
        this.drafts = drafts;
        this.intakes = intakes;
        this.cases = cases;
        this.screening = screening;
    }

    /**
     * A draft of {@code owner}. Its programs are the ones the resident kept or, when they kept none explicitly, the
     * ones the household may qualify for today; an incomplete household cannot be screened yet and has none.
     */
    public Uni<ApplicationOutline> draft(String owner, UUID id) {
        return drafts.content(owner, id).map(content -> {
            List<ProgramMembers> programs;
            try {
                List<ProgramResult> results = screening.screen(content.household()).programs().stream()
                        .filter(ProgramResult::qualifies)
                        .filter(r -> content.chosenPrograms() == null || content.chosenPrograms().contains(r.program()))
                        .toList();
                programs = results.stream().map(r -> new ProgramMembers(r.program(), r.members())).toList();
            } catch (ProblemException incompleteHousehold) {
                programs = content.chosenPrograms() == null ? List.of()
                        : content.chosenPrograms().stream().map(p -> new ProgramMembers(p, List.of())).toList();
            }
            return new ApplicationOutline(id, false, owner, true, programs, List.of());
        });
    }

    /** An intake, whoever owns it: callers decide who may see it. 404 when it does not exist. */
    public Uni<ApplicationOutline> intake(UUID id) {
        return intakes.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No such application."))
                .chain(intake -> cases.listByIntake(id).map(list -> {
                    List<ProgramCase> live = list.stream()
                            .filter(c -> !ProgramCase.WITHDRAWN.equals(c.status) && !ProgramCase.CLOSED.equals(c.status)).toList();
                    return new ApplicationOutline(id, true, intake.ownerSubject, intake.status == Intake.Status.ACTIVE,
                            live.stream().map(c -> new ProgramMembers(Program.valueOf(c.program), Arrays.asList(c.members)))
                                    .toList(),
                            list.stream().map(c -> new CaseRef(c.id, Program.valueOf(c.program), c.agency, c.regionCode))
                                    .toList());
                }));
    }
}
