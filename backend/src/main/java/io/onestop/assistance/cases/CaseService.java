package io.onestop.assistance.cases;

import com.fasterxml.jackson.core.type.TypeReference;
import io.onestop.assistance.access.AuditLog;
import io.onestop.assistance.access.IntakeAccess;
import io.onestop.assistance.access.IntakeAccess.Accessor;
import io.onestop.assistance.access.StaffScope;
import io.onestop.assistance.cases.api.CaseViews.CaseDetail;
import io.onestop.assistance.cases.api.CaseViews.CaseProgress;
import io.onestop.assistance.cases.api.CaseViews.CaseSummary;
import io.onestop.assistance.cases.api.CaseViews.DecisionView;
import io.onestop.assistance.cases.api.CaseViews.IntakeProgress;
import io.onestop.assistance.cases.api.CaseViews.NextStep;
import io.onestop.assistance.cases.api.CaseViews.ObjectionView;
import io.onestop.assistance.cases.api.CaseViews.QueuePage;
import io.onestop.assistance.cases.api.CaseViews.Reproduction;
import io.onestop.assistance.cases.api.CaseViews.RevealedApplicant;
import io.onestop.assistance.cases.api.CaseViews.TimelineEntry;
import io.onestop.assistance.cases.api.TransitionRequest;
import io.onestop.assistance.cases.notice.CaseObjection;
import io.onestop.assistance.cases.verification.CaseVerification;
import io.onestop.assistance.cases.verification.ConsentService;
import io.onestop.assistance.cases.verification.VerificationResult;
import io.onestop.assistance.cases.workflow.CaseStateMachine;
import io.onestop.assistance.cases.workflow.CaseStep;
import io.onestop.assistance.cases.workflow.DeadlineView;
import io.onestop.assistance.cases.workflow.Deadlines;
import io.onestop.assistance.cases.workflow.Workflow;
import io.onestop.assistance.common.JsonCodec;
import io.onestop.assistance.documents.DocumentService;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.intake.CaseLifecycle;
import io.onestop.assistance.intake.Intake;
import io.onestop.assistance.intake.IntakeLookup;
import io.onestop.assistance.intake.api.ApplicantDetails;
import io.onestop.assistance.intake.ProgramCase;
import io.onestop.assistance.intake.ProgramCaseRepository;
import io.onestop.assistance.notify.OutboxWriter;
import io.onestop.assistance.programs.DocumentType;
import io.onestop.assistance.programs.Household;
import io.onestop.assistance.programs.LocalizedText;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.Screening;
import io.onestop.assistance.programs.ScreeningService;
import io.onestop.assistance.programs.Verdict;
import io.onestop.assistance.programs.Yuan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.StaleStateException;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Program cases after fan-out: work queues scoped by agency and region, the case file, and every transition. A
 * transition, its timeline entry, its outbox event and (for decisions) the decision record and the audit entry are
 * written in ONE transaction: all of them exist afterwards, or none. The intake context reaches the same path through
 * {@link CaseLifecycle} when the resident withdraws or changes the application.
 */
@ApplicationScoped
public class CaseService implements CaseLifecycle {

    static final String AGGREGATE = "PROGRAM_CASE";

    private final ProgramCaseRepository cases;
    private final CaseEventRepository events;
    private final CaseDecisionRepository decisions;
    private final IntakeLookup intakes;
    private final ConsentService consents;
    private final CaseStateMachine stateMachine;
    private final Deadlines deadlines;
    private final ScreeningService screening;
    private final OutboxWriter outbox;
    private final AuditLog audit;
    private final IntakeAccess access;
    private final DocumentService documents;
    private final JsonCodec json;
    private final CasesConfig config;
    private final Clock clock;

    public CaseService(ProgramCaseRepository cases, CaseEventRepository events, CaseDecisionRepository decisions,
            IntakeLookup intakes, ConsentService consents, CaseStateMachine stateMachine, Deadlines deadlines,
            ScreeningService screening, OutboxWriter outbox, AuditLog audit, DocumentService documents, JsonCodec json,
            CasesConfig config, Clock clock, IntakeAccess access) {
        this.access = access;
        this.cases = cases;
        this.events = events;
        this.decisions = decisions;
        this.intakes = intakes;
        this.consents = consents;
        this.stateMachine = stateMachine;
        this.deadlines = deadlines;
        this.screening = screening;
        this.outbox = outbox;
        this.audit = audit;
        this.documents = documents;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /** Filters of a work queue; {@code after} is the cursor of the previous page. */
    public record QueueFilter(List<CaseStep> steps, Boolean overdue, int limit, String after) {
    }

    /**
     * The caller's work queue: cases of their agency and region, earliest deadline first, so overdue cases lead;
     * cases without a running clock (waiting for the resident, paying) come last. Keyset pagination on (due, id).
     */
    @WithSession
    public Uni<QueuePage> queue(StaffScope scope, QueueFilter filter) {
        if (scope.agency() == null || scope.regionCode() == null) {
            return Uni.createFrom().item(new QueuePage(List.of(), null));
        }
        int limit = Math.max(1, Math.min(filter.limit(), config.maxQueuePage()));
        OffsetDateTime now = OffsetDateTime.now(clock);
        StringBuilder query = new StringBuilder("from ProgramCase c where ").append(StaffScope.JPQL_CONDITION);
        Parameters parameters = Parameters.with("agency", scope.agency()).and("region", scope.regionCode());
        if (filter.steps() == null || filter.steps().isEmpty()) {
            query.append(" and c.status not in :finished");
            parameters.and("finished", CaseStep.TERMINAL.stream().map(Enum::name).toList());
        } else {
            query.append(" and c.status in :steps");
            parameters.and("steps", filter.steps().stream().map(Enum::name).toList());
        }
        if (filter.overdue() != null) {
            query.append(filter.overdue() ? " and c.dueAt < :now" : " and (c.dueAt is null or c.dueAt >= :now)");
            parameters.and("now", now);
        }
        Cursor cursor = Cursor.parse(filter.after());
        if (cursor != null && cursor.due() != null) {
            query.append(" and (c.dueAt > :afterDue or (c.dueAt = :afterDue and c.id > :afterId) or c.dueAt is null)");
            parameters.and("afterDue", cursor.due()).and("afterId", cursor.id());
        } else if (cursor != null) {
            query.append(" and c.dueAt is null and c.id > :afterId");
            parameters.and("afterId", cursor.id());
        }
        query.append(" order by c.dueAt asc nulls last, c.id asc");
        return cases.find(query.toString(), parameters).range(0, limit - 1).list()
                .chain(page -> handedOff(page.stream().map(c -> c.id).toList()).chain(flagged -> intakes.findAll(
                                page.stream().map(c -> c.intakeId).collect(Collectors.toSet()))
                        .map(byId -> {
                            List<CaseSummary> items = page.stream()
                                    .map(c -> summary(c, byId.get(c.intakeId), now, flagged.contains(c.id))).toList();
                            String next = page.size() < limit ? null : Cursor.of(page.get(page.size() - 1));
                            return new QueuePage(items, next);
                        })));
    }

    /** Cases of the page handed over by the hotline with no transition since: the queue flags them. */
    private Uni<Set<UUID>> handedOff(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession().chain(session -> session.createQuery("""
                        select distinct e.caseId from CaseEvent e where e.caseId in (?1) and e.action = ?2
                          and not exists (select 1 from CaseEvent t where t.caseId = e.caseId and t.action = ?3 and t.id > e.id)""",
                        UUID.class)
                .setParameter(1, ids).setParameter(2, CaseEvent.HOTLINE_HANDOFF).setParameter(3, CaseEvent.TRANSITION)
                .getResultList()).map(Set::copyOf);
    }

    /**
     * Hotline staff hand a case of an intake they found in a call to the caseworker queue: a timeline entry with the
     * call reference, which the queue flags until a caseworker moves the case. Runs in the caller's transaction; the
     * caller has checked that the intake is within its reach. 404 when the case is not one of the intake's.
     */
    public Uni<ProgramCase> handOffFromHotline(Mutiny.Session session, UUID intakeId, UUID caseId, String subject,
            String callReference, String note) {
        return cases.find("id = ?1 and intakeId = ?2", caseId, intakeId).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No such case in this application."))
                .call(c -> note(session, c, subject, Workflow.HOTLINE, CaseEvent.HOTLINE_HANDOFF, note,
                        Map.of("callReference", callReference)));
    }

    /** The case file; reading it is audited, as it holds personal data. 404 outside the caller's scope. */
    @WithTransaction
    public Uni<CaseDetail> detail(StaffActor actor, UUID caseId) {
        return inScope(actor, caseId)
                .call(c -> Panache.getSession().chain(session -> audit.record(session, new AuditLog.Entry(actor.subject(),
                        actor.mainRole(), "READ_CASE", AGGREGATE, c.id.toString(), "OK", null))))
                .chain(c -> detailOf(c, actor.scope().roles()));
    }

    /**
     * The applicant's id number and phone in clear, for the one staff task that needs them (a call, a bank
     * instruction). Audited with the stated reason; 422 without one, 404 outside the caller's scope, and that refusal
     * is audited too (DENIED, with the reason given), in a transaction of its own.
     */
    @WithTransaction
    public Uni<RevealedApplicant> revealApplicant(StaffActor actor, UUID caseId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 4 || why.length() > 500) {
            throw ProblemException.invalid("reason", "请说明查看完整证件号的原因 / state why the full id number is needed (4 to 500 characters)");
        }
        return inScope(actor.scope(), caseId)
                .onFailure(f -> f instanceof ProblemException p && p.status() == 404)
                .call(() -> audit.recordAlone(new AuditLog.Entry(actor.subject(), actor.mainRole(), "REVEAL_PERSONAL_DATA",
                        AGGREGATE, caseId.toString(), "DENIED", why)))
                .call(c -> Panache.getSession().chain(session -> audit.record(session, new AuditLog.Entry(actor.subject(),
                        actor.mainRole(), "REVEAL_PERSONAL_DATA", AGGREGATE, c.id.toString(), "OK", why))))
                .chain(c -> intakes.find(c.intakeId))
                .map(intake -> {
                    ApplicantDetails clear = intakes.applicantInClear(intake);
                    return new RevealedApplicant(clear.name(), clear.nationalId(), clear.phone());
                });
    }

    /**
     * Moves a case as a caseworker or approver. {@code expectedVersion} is the version the caller saw (If-Match);
     * 412 when the case changed since.
     */
    @WithTransaction
    public Uni<CaseDetail> transition(StaffActor actor, UUID caseId, int expectedVersion, TransitionRequest request) {
        return inScope(actor, caseId)
                .invoke(c -> checkVersion(c, expectedVersion))
                .chain(c -> intakes.find(c.intakeId).chain(intake ->
                        move(c, intake, request, actor.subject(), actor.scope().roles())))
                .chain(c -> detailOf(c, actor.scope().roles()))
                .onFailure(CaseService::isStale).transform(e -> stale());
    }

    /**
     * The resident answers a request for documents: the case goes back to the step it came from and its clock
     * resumes. {@code expectedVersion} may be null (the resident's view may be older than the request).
     */
    @WithTransaction
    public Uni<CaseProgress> resubmit(Accessor caller, UUID intakeId, UUID caseId, Integer expectedVersion, String note) {
        String owner = caller.ownerKey();
        // the applicant's own act: anyone else's 404 is an audited denial (a delegate's with its scope)
        return intakes.find(intakeId).onItem().ifNull().failWith(() -> ProblemException.notFound("No such application."))
                .call(intake -> access.require(caller, intakeId, intake.ownerSubject, List.of(), IntakeAccess.Need.RESUBMIT))
                .chain(intake -> cases.find("id = ?1 and intakeId = ?2", caseId, intakeId).firstResult()
                        .onItem().ifNull().failWith(() -> ProblemException.notFound("No such case in this application."))
                        .invoke(c -> {
                            if (expectedVersion != null) {
                                checkVersion(c, expectedVersion);
                            }
                            if (!CaseStep.RETURNED.name().equals(c.status)) {
                                throw ProblemException.conflict("not-waiting-for-documents",
                                        "This case is not waiting for documents from you.");
                            }
                        })
                        .chain(c -> move(c, intake, new TransitionRequest(CaseStep.valueOf(c.returnedFrom), note, null, null),
                                owner, Set.of(Workflow.RESIDENT)))
                        .map(c -> progress(c, null, OffsetDateTime.now(clock))))
                .onFailure(CaseService::isStale).transform(e -> stale());
    }

    /**
     * Checks a decision against its snapshot: the same household and parameters must give the same result. 404 outside
     * the caller's scope, audited as {@code ACCESS_CASE} like the case file.
     */
    @WithSession
    public Uni<Reproduction> reproduce(StaffActor actor, UUID caseId) {
        return inScope(actor, caseId).chain(c -> decisions.findById(c.id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("This case has no decision yet."))
                .chain(decision -> intakes.snapshot(decision.intakeId, decision.intakeRevision).map(snapshot -> {
                    Household household = json.read(snapshot.household, Household.class);
                    Screening evaluation = screening.screen(household);
                    ProgramResult result = resultOf(evaluation.programs(), Program.valueOf(c.program));
                    boolean same = evaluation.parameterVersion().equals(decision.parameterVersion)
                            && result.verdict().name().equals(decision.verdict)
                            && result.estimate().amount().compareTo(decision.estimateAmount) == 0;
                    return new Reproduction(decision.caseId, decision.outcome, decision.intakeRevision,
                            decision.parameterVersion, evaluation.parameterVersion(), Verdict.valueOf(decision.verdict),
                            result.verdict(), Yuan.plain(decision.estimateAmount), Yuan.plain(result.estimate().amount()), same);
                })));
    }

    /** The cases of an intake with timeline and consents, for the tracking context (call inside a session). */
    public Uni<IntakeProgress> progressOf(Intake intake) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return cases.listByIntake(intake.id).chain(list -> decisions.listByCases(list.stream().map(c -> c.id).toList())
                .chain(decided -> events.listByIntake(intake.id).chain(history -> consents.status(intake).map(consentView -> {
                    Map<UUID, CaseDecision> byCase = decided.stream().collect(Collectors.toMap(d -> d.caseId, Function.identity()));
                    Map<UUID, String> programs = list.stream().collect(Collectors.toMap(c -> c.id, c -> c.program));
                    return new IntakeProgress(
                            list.stream().map(c -> progress(c, byCase.get(c.id), now)).toList(),
                            history.stream().map(e -> timelineEntry(e, programs.get(e.caseId))).toList(),
                            consentView);
                }))));
    }

    /** The case when it belongs to the caller's agency and region; 404 otherwise, so existence does not leak. */
    /**
     * As {@link #inScope(StaffScope, UUID)}; a case that exists but lies outside the actor's agency and region is
     * also an audited denial ({@code ACCESS_CASE}, in a transaction of its own, kept although the request ends in 404).
     */
    public Uni<ProgramCase> inScope(StaffActor actor, UUID caseId) {
        return cases.findById(caseId).chain(c -> {
            if (c != null && actor.scope().covers(c.agency, c.regionCode)) {
                return Uni.createFrom().item(c);
            }
            Uni<Void> denial = c == null ? Uni.createFrom().voidItem() : audit.recordAlone(new AuditLog.Entry(
                    actor.subject(), actor.mainRole(), "ACCESS_CASE", AGGREGATE, caseId.toString(), "DENIED", null));
            return denial.chain(() -> Uni.createFrom().<ProgramCase>failure(ProblemException.notFound("No such case in your work area.")));
        });
    }

    public Uni<ProgramCase> inScope(StaffScope scope, UUID caseId) {
        return cases.findById(caseId).map(c -> {
            if (c == null || !scope.covers(c.agency, c.regionCode)) {
                throw ProblemException.notFound("No such case in your work area.");
            }
            return c;
        });
    }

    /** Appends a timeline entry that is not a step change (verification run, objection), in the caller's transaction. */
    public Uni<Void> note(Mutiny.Session session, ProgramCase c, String subject, String role, String action,
            String note, Map<String, Object> details) {
        return session.persist(event(c, subject, role, action, null, null, note, details));
    }

    /** The fan-out opened the case: its first clock starts now, as at submission. */
    @Override
    public void opened(ProgramCase c, OffsetDateTime now) {
        deadlines.open(c, now);
    }

    /**
     * The intake context ends an undecided case (the application was withdrawn, or a change of circumstances dropped
     * the program): the state machine applies the move and stops the clock, then the timeline entry and the outbox
     * event are written in the caller's transaction, as for every other transition.
     */
    @Override
    public Uni<Void> end(Mutiny.Session session, ProgramCase c, Ending ending, String residentSubject) {
        CaseStep from = CaseStep.valueOf(c.status);
        CaseStep to = CaseStep.valueOf(ending.step());
        Workflow.Transition transition = stateMachine.endByApplication(c, to, ending.reasonCode(), OffsetDateTime.now(clock));
        return recordTransition(session, c, from, to, residentSubject, transition.role(), null,
                Map.of("reasonCode", ending.reasonCode()));
    }

    /**
     * The one path of every transition: the state machine checks and applies the move; then, in the same
     * transaction, the timeline entry, the outbox event and, for decisions, the decision record and the audit entry.
     */
    private Uni<ProgramCase> move(ProgramCase c, Intake intake, TransitionRequest request, String subject, Set<String> roles) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        CaseStep from = CaseStep.valueOf(c.status);
        return verified(c).chain(verified -> {
            Workflow.Transition transition = stateMachine.move(c, request, roles, verified, now);
            Map<String, Object> details = new LinkedHashMap<>();
            if (request.to() == CaseStep.RETURNED) {
                details.put("documents", request.documents().stream().distinct().map(Enum::name).toList());
            }
            if (request.reason() != null && request.to() == CaseStep.REJECTED) {
                details.put("reasonCode", request.reason().code().name());
            }
            return Panache.getSession().chain(session -> session.flush() // the version check happens here
                    .call(() -> recordTransition(session, c, from, request.to(), subject, transition.role(),
                            request.note(), details))
                    .call(() -> isDecision(request.to()) ? decide(session, c, intake, request, subject, transition.role(), now)
                            : Uni.createFrom().voidItem())
                    .call(() -> request.to() == CaseStep.RETURNED
                            ? requestDocumentsFromResident(c, request.documents(), request.note(), subject)
                            : Uni.createFrom().voidItem())
                    .replaceWith(c));
        });
    }

    /** The timeline entry and the outbox event of a step change, in the caller's transaction. */
    private Uni<Void> recordTransition(Mutiny.Session session, ProgramCase c, CaseStep from, CaseStep to, String subject,
            String role, String note, Map<String, Object> details) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("caseId", c.id);
        payload.put("intakeId", c.intakeId);
        payload.put("program", c.program);
        payload.put("from", from.name());
        payload.put("to", to.name());
        payload.putAll(details);
        return session.persist(event(c, subject, role, CaseEvent.TRANSITION, from, to, note, details))
                .call(() -> outbox.append(session, AGGREGATE, c.id, "CASE_STEP_CHANGED", payload));
    }

    /**
     * Puts the requested documents back on the intake's checklist, as the resident's to-dos. Runs inside the
     * transition's transaction, so the checklist and the case cannot disagree.
     */
    private Uni<Void> requestDocumentsFromResident(ProgramCase c, List<DocumentType> types, String note, String subject) {
        String reason = note == null || note.isBlank() ? null : note.strip();
        return documents.requestDocuments(c.intakeId, c.id, types, null,
                        reason == null ? "经办人员请您补充以下材料" : reason,
                        reason == null ? "The caseworker asks you for these documents" : "The caseworker asks: " + reason,
                        subject)
                .replaceWithVoid();
    }

    /** Records the decision with the evaluation it rests on, and audits it. */
    private Uni<Void> decide(Mutiny.Session session, ProgramCase c, Intake intake, TransitionRequest request,
            String subject, String role, OffsetDateTime now) {
        ProgramResult result = resultOf(intakes.evaluation(intake).programs(), Program.valueOf(c.program));
        CaseDecision decision = new CaseDecision();
        decision.caseId = c.id;
        decision.intakeId = intake.id;
        decision.outcome = request.to().name();
        if (request.reason() != null && request.to() == CaseStep.REJECTED) {
            decision.reasonCode = request.reason().code().name();
            decision.reasonZh = request.reason().zh();
            decision.reasonEn = request.reason().en();
        }
        decision.decidedBy = subject;
        decision.decidedRole = role;
        decision.decidedAt = now;
        decision.intakeRevision = intake.revision;
        decision.parameterVersion = intake.parameterVersion;
        decision.verdict = result.verdict().name();
        decision.estimateAmount = result.estimate().amount();
        decision.estimatePeriod = result.estimate().period().name();
        decision.programResult = json.write(result);
        return session.persist(decision)
                .call(() -> audit.record(session, new AuditLog.Entry(subject, role, "DECIDE_CASE", AGGREGATE,
                        c.id.toString(), decision.outcome, decision.reasonCode)));
    }

    private Uni<Boolean> verified(ProgramCase c) {
        if (!CaseStep.VERIFYING.name().equals(c.status)) {
            return Uni.createFrom().item(false);
        }
        return Panache.getSession().chain(session -> session.createQuery(
                        "select count(v) from CaseVerification v where v.caseId = ?1", Long.class)
                .setParameter(1, c.id).getSingleResult()).map(n -> n > 0);
    }

    private Uni<CaseDetail> detailOf(ProgramCase c, Set<String> roles) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return intakes.find(c.intakeId).chain(intake -> events.listByCase(c.id)
                .chain(history -> decisions.findById(c.id)
                        .chain(decision -> latestVerification(c.id)
                                .chain(verification -> objections(c.id)
                                        .chain(objections -> consents.status(intake).map(consentView -> {
                                            Workflow workflow = CaseStateMachine.workflowOf(c);
                                            CaseStep step = CaseStep.valueOf(c.status);
                                            List<NextStep> next = workflow.from(step).stream()
                                                    .filter(t -> step != CaseStep.RETURNED || t.to() == CaseStep.WITHDRAWN
                                                            || t.to().name().equals(c.returnedFrom))
                                                    .map(t -> new NextStep(t.to(), t.role(), roles.contains(t.role())))
                                                    .toList();
                                            return new CaseDetail(c.id, c.intakeId, intake.intakeNumber,
                                                    Program.valueOf(c.program), Program.valueOf(c.program).localizedName(),
                                                    c.agency, c.regionCode, step, step.localizedName(), c.urgent,
                                                    workflow.fastTrack(), c.version, c.verdict, Yuan.plain(c.estimateAmount),
                                                    c.estimatePeriod, List.of(c.members), deadlines.view(c, now),
                                                    documents(c), c.returnedFrom == null ? null : CaseStep.valueOf(c.returnedFrom),
                                                    next, intakes.applicant(intake), intakes.household(intake), consentView,
                                                    verification, decision == null ? null : decisionView(decision),
                                                    objections, history.stream().map(e -> timelineEntry(e, c.program)).toList(),
                                                    c.openedAt);
                                        }))))));
    }

    private Uni<VerificationResult> latestVerification(UUID caseId) {
        return Panache.getSession().chain(session -> session.createQuery(
                        "from CaseVerification where caseId = ?1 order by id desc", CaseVerification.class)
                .setParameter(1, caseId).setMaxResults(1).getResultList())
                .map(list -> list.isEmpty() ? null : json.read(list.get(0).result, VerificationResult.class));
    }

    private Uni<List<ObjectionView>> objections(UUID caseId) {
        return Panache.getSession().chain(session -> session.createQuery(
                        "from CaseObjection where caseId = ?1 order by receivedAt", CaseObjection.class)
                .setParameter(1, caseId).getResultList())
                .map(list -> list.stream().map(o -> new ObjectionView(o.id, o.receivedAt, o.text)).toList());
    }

    private CaseSummary summary(ProgramCase c, Intake intake, OffsetDateTime now, boolean hotlineHandoff) {
        DeadlineView deadline = deadlines.view(c, now);
        return new CaseSummary(c.id, c.intakeId, intake == null ? null : intake.intakeNumber,
                intake == null ? null : intake.applicantName, Program.valueOf(c.program), c.agency, c.regionCode,
                CaseStep.valueOf(c.status), c.urgent, c.version, deadline, c.dueAt, c.dueAt != null && now.isAfter(c.dueAt),
                c.updatedAt, hotlineHandoff);
    }

    private CaseProgress progress(ProgramCase c, CaseDecision decision, OffsetDateTime now) {
        Workflow workflow = CaseStateMachine.workflowOf(c);
        CaseStep step = CaseStep.valueOf(c.status);
        CaseStep position = step == CaseStep.RETURNED && c.returnedFrom != null ? CaseStep.valueOf(c.returnedFrom) : step;
        int at = workflow.reviewSteps().indexOf(position);
        boolean verificationAhead = workflow.verifies() && at >= 0 && at <= workflow.reviewSteps().indexOf(CaseStep.VERIFYING);
        return new CaseProgress(c.id, Program.valueOf(c.program), step, c.urgent, c.version, deadlines.view(c, now),
                documents(c), step == CaseStep.PUBLIC_NOTICE ? c.noticeEndsOn : null, verificationAhead,
                decision == null ? null : decisionView(decision));
    }

    private TimelineEntry timelineEntry(CaseEvent e, String program) {
        CaseStep to = e.toStep == null ? null : CaseStep.valueOf(e.toStep);
        Map<String, Object> details = e.details == null ? Map.of() : json.read(e.details, new TypeReference<Map<String, Object>>() {
        });
        @SuppressWarnings("unchecked")
        List<DocumentType> documents = ((List<String>) details.getOrDefault("documents", List.of())).stream()
                .map(DocumentType::valueOf).toList();
        String reasonCode = (String) details.get("reasonCode");
        LocalizedText text = switch (e.action) {
            case CaseEvent.TRANSITION -> endedByApplication(reasonCode).orElse(to.localizedName());
            case CaseEvent.VERIFICATION -> LocalizedText.of("完成经济状况核对", "Economic status verified");
            case CaseEvent.OBJECTION -> LocalizedText.of("收到公示异议", "Objection to the public notice received");
            case CaseEvent.HOTLINE_HANDOFF -> LocalizedText.of("热线已转交经办人员跟进", "The hotline handed this to the caseworker");
            default -> LocalizedText.of(e.action, e.action);
        };
        return new TimelineEntry(e.caseId, program == null ? null : Program.valueOf(program), e.occurredAt, e.action,
                e.fromStep == null ? null : CaseStep.valueOf(e.fromStep), to, e.actorRole, e.actorSubject, e.note,
                reasonCode, documents, text);
    }

    /** What the household reads when its application ended a case, rather than the bare step. */
    private static Optional<LocalizedText> endedByApplication(String reasonCode) {
        if (Ending.WITHDRAWN_BY_APPLICANT.reasonCode().equals(reasonCode)) {
            return Optional.of(LocalizedText.of("已撤回（申请人撤回申请）", "Withdrawn: the applicant withdrew the application"));
        }
        if (Ending.CIRCUMSTANCES_CHANGED.reasonCode().equals(reasonCode)) {
            return Optional.of(LocalizedText.of("已办结（家庭情况变化，不再申请此项）",
                    "Closed: no longer applied for after the change of circumstances"));
        }
        return Optional.empty();
    }

    private static DecisionView decisionView(CaseDecision d) {
        return new DecisionView(d.outcome, d.reasonCode, d.reasonZh == null ? null : LocalizedText.of(d.reasonZh, d.reasonEn),
                d.decidedAt, d.intakeRevision, d.parameterVersion, Verdict.valueOf(d.verdict), Yuan.plain(d.estimateAmount),
                d.estimatePeriod);
    }

    private CaseEvent event(ProgramCase c, String subject, String role, String action, CaseStep from, CaseStep to,
            String note, Map<String, Object> details) {
        CaseEvent e = new CaseEvent();
        e.caseId = c.id;
        e.intakeId = c.intakeId;
        e.occurredAt = OffsetDateTime.now(clock);
        e.actorSubject = subject;
        e.actorRole = role;
        e.action = action;
        e.fromStep = from == null ? null : from.name();
        e.toStep = to == null ? null : to.name();
        e.note = note;
        e.details = details == null || details.isEmpty() ? null : json.write(details);
        return e;
    }

    private static List<DocumentType> documents(ProgramCase c) {
        return c.requestedDocuments == null ? List.of() : Arrays.stream(c.requestedDocuments).map(DocumentType::valueOf).toList();
    }

    private static ProgramResult resultOf(List<ProgramResult> results, Program program) {
        return results.stream().filter(r -> r.program() == program).findFirst()
                .orElseThrow(() -> new IllegalStateException("The evaluation has no result for " + program));
    }

    private static boolean isDecision(CaseStep step) {
        return step == CaseStep.APPROVED || step == CaseStep.REJECTED;
    }

    private static void checkVersion(ProgramCase c, int expected) {
        if (c.version != expected) {
            throw stale();
        }
    }

    private static ProblemException stale() {
        return ProblemException.preconditionFailed("The case was changed by someone else; reload it and try again.");
    }

    private static boolean isStale(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    /** Keyset position: the last case's due instant (or none) and id, base64url so clients treat it as opaque. */
    record Cursor(OffsetDateTime due, UUID id) {

        static String of(ProgramCase c) {
            String due = c.dueAt == null ? "-" : Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, c.dueAt.toInstant()));
            return Base64.getUrlEncoder().withoutPadding().encodeToString((due + "|" + c.id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String value) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|", 2);
                OffsetDateTime due = parts[0].equals("-") ? null
                        : OffsetDateTime.ofInstant(Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS),
                                java.time.ZoneOffset.UTC);
                return new Cursor(due, UUID.fromString(parts[1]));
            } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
                throw ProblemException.badRequest("The cursor 'after' is not one this server gave out.");
            }
        }
    }
}
