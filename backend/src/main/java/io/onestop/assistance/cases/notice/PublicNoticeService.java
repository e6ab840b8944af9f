package io.onestop.assistance.cases.notice;

import io.onestop.assistance.cases.CaseEvent;
import io.onestop.assistance.cases.CaseService;
import io.onestop.assistance.cases.workflow.CaseStep;
import io.onestop.assistance.cases.workflow.Deadlines;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.intake.Intake;
import io.onestop.assistance.intake.IntakeLookup;
import io.onestop.assistance.intake.ProgramCase;
import io.onestop.assistance.intake.ProgramCaseRepository;
import io.onestop.assistance.notify.OutboxWriter;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.Yuan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The 7-day public notice (公示) before approval: the masked public list, and objections from anyone. */
@ApplicationScoped
public class PublicNoticeService {

    /** The list is public: keep an answer small even for a whole county. */
    static final int MAX_ENTRIES = 500;

    private final ProgramCaseRepository cases;
    private final IntakeLookup intakes;
    private final CaseService caseService;
    private final OutboxWriter outbox;
    private final Clock clock;

    public PublicNoticeService(ProgramCaseRepository cases, IntakeLookup intakes, CaseService caseService,
            OutboxWriter outbox, Clock clock) {
        this.cases = cases;
        this.intakes = intakes;
        this.caseService = caseService;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Cases under public notice in a region (a county code covers its townships), newest first. */
    @WithSession
    public Uni<List<PublicNoticeEntry>> list(String regionCode) {
        return cases.find("status = ?1 and regionCode like ?2 order by stepEnteredAt desc, id",
                        CaseStep.PUBLIC_NOTICE.name(), (regionCode == null ? "" : regionCode) + "%")
                .range(0, MAX_ENTRIES - 1).list()
                .chain(list -> intakes.findAll(list.stream().map(c -> c.intakeId).collect(Collectors.toSet()))
                        .map(byId -> list.stream().map(c -> entry(c, byId.get(c.intakeId))).toList()));
    }

    /** Records an objection while the notice runs; the caseworker and approver see it on the case. */
    @WithTransaction
    public Uni<ObjectionView> object(UUID noticeId, ObjectionRequest request) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return cases.find("noticeId = ?1 and status = ?2", noticeId, CaseStep.PUBLIC_NOTICE.name()).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No public notice with this id is running."))
                .chain(c -> {
                    CaseObjection objection = new CaseObjection();
                    objection.id = UUID.randomUUID();
                    objection.caseId = c.id;
                    objection.receivedAt = now;
                    objection.text = request.text().strip();
                    return Panache.getSession().chain(session -> session.persist(objection)
                            .call(() -> caseService.note(session, c, "anonymous", "public", CaseEvent.OBJECTION, null, null))
                            .call(() -> outbox.append(session, "PROGRAM_CASE", c.id, "CASE_OBJECTION_RECEIVED",
                                    Map.of("caseId", c.id, "objectionId", objection.id)))
                            .replaceWith(new ObjectionView(objection.id, now)));
                });
    }

    /** The answer to an objection: its reference, not the case. */
    public record ObjectionView(UUID id, OffsetDateTime receivedAt) {
    }

    private static PublicNoticeEntry entry(ProgramCase c, Intake intake) {
        Program program = Program.valueOf(c.program);
        return new PublicNoticeEntry(c.noticeId, PublicNoticeEntry.maskName(intake == null ? null : intake.applicantName),
                c.regionCode, program, program.localizedName(), intake == null ? 0 : intake.memberCount,
                Yuan.plain(c.estimateAmount), c.estimatePeriod, Deadlines.today(c.stepEnteredAt), c.noticeEndsOn);
    }
}
