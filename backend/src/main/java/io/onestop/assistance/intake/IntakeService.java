package io.onestop.assistance.intake;

import io.onestop.assistance.access.AuditLog;
import io.onestop.assistance.access.IntakeAccess;
import io.onestop.assistance.access.IntakeAccess.Accessor;
import io.onestop.assistance.access.IntakeAccess.Grant;
import io.onestop.assistance.common.Page;
import io.onestop.assistance.common.PageRequest;
import io.onestop.assistance.access.NationalId;
import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.common.FieldProblem;
import io.onestop.assistance.common.JsonCodec;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.common.idempotency.IdempotencyService;
import io.onestop.assistance.common.idempotency.IdempotencyService.StoredAnswer;
import io.onestop.assistance.documents.DraftDocuments;
import io.onestop.assistance.intake.api.ApplicantDetails;
import io.onestop.assistance.intake.api.IntakeView;
import io.onestop.assistance.intake.api.RevisionRequest;
import io.onestop.assistance.intake.api.SubmitRequest;
import io.onestop.assistance.notify.OutboxWriter;
import io.onestop.assistance.programs.Household;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.Screening;
import io.onestop.assistance.programs.ScreeningService;
import io.onestop.assistance.programs.Verdict;
import io.onestop.assistance.programs.Yuan;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Submission of the one-thing intake and what follows it on the resident's side: the server re-runs screening
 * (a client's verdict is never trusted), then ONE transaction stores the snapshot, assigns the intake number,
 * fans out into one program case per program the household may qualify for and the resident kept, and writes the
 * outbox events, and hands the draft's documents to the intake. Either all of it exists afterwards or none of it.
 * From the fan-out on, a case's clock and steps belong to the cases context: withdrawal and change of circumstances
 * end cases through {@link CaseLifecycle}, in their own transaction, with the timeline entry and outbox event.
 */
@ApplicationScoped
public class IntakeService {

    static final String SUBMIT = "SUBMIT_INTAKE";
    static final String REVISE = "REVISE_INTAKE";
    private static final String ONE_ACTIVE_PER_APPLICANT = "intake_one_active_per_applicant";
    /** Case statuses after which the agency has decided; withdrawing is then no longer possible. */
    private static final Set<String> DECIDED = Set.of("APPROVED", "REJECTED", "PAYING", "CLOSED");

    private final DraftService drafts;
    private final IntakeRepository intakes;
    private final ProgramCaseRepository cases;
    private final ScreeningService screening;
    private final IdempotencyService idempotency;
    private final OutboxWriter outbox;
    private final DraftDocuments draftDocuments;
    private final PersonalDataProtector protector;
    private final ApplicantCodec applicants;
    private final JsonCodec json;
    private final Clock clock;
    private final CaseLifecycle caseLifecycle;
    private final IntakeAccess access;
    private final AuditLog audit;

    public IntakeService(DraftService drafts, IntakeRepository intakes, ProgramCaseRepository cases,
            ScreeningService screening, IdempotencyService idempotency, OutboxWriter outbox,
            DraftDocuments draftDocuments, PersonalDataProtector protector, ApplicantCodec applicants, JsonCodec json,
            Clock clock, CaseLifecycle caseLifecycle, IntakeAccess access, AuditLog audit) {
        this.drafts = drafts;
        this.intakes = intakes;
        this.cases = cases;
        this.screening = screening;
        this.idempotency = idempotency;
        this.outbox = outbox;
        this.draftDocuments = draftDocuments;
        this.protector = protector;
        this.applicants = applicants;
        this.json = json;
        this.clock = clock;
        this.caseLifecycle = caseLifecycle;
        this.access = access;
        this.audit = audit;
    }

    /** A submission ready to be stored: checked, screened and fanned out in memory. */
    private record Prepared(DraftService.Content draft, Screening evaluation, List<ProgramResult> kept) {
    }

    /** Submits a draft once per Idempotency-Key; answers 201 with the intake and its cases. */
    public Uni<StoredAnswer> submit(String owner, String idempotencyKey, SubmitRequest request) {
        return idempotency.once(owner, idempotencyKey, SUBMIT, request,
                () -> Panache.withSession(() -> prepare(owner, request.draftId()))
                        .chain(prepared -> Panache.withTransaction(
                                () -> store(owner, idempotencyKey, request.draftId(), prepared)))
                        .onFailure(IntakeService::isSecondActiveIntake)
                        .recoverWithUni(() -> Panache.withSession(() -> refuseSecondActiveIntake(owner, request.draftId()))));
    }

    /** The full application, its owner's alone; anyone else's 404 is audited (a delegate's with its scope). */
    @WithSession
    public Uni<IntakeView> get(Accessor caller, UUID id) {
        return intakes.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No such application."))
                .call(intake -> access.require(caller, id, intake.ownerSubject, List.of(), IntakeAccess.Need.READ_APPLICATION))
                .chain(intake -> cases.listByIntake(id).map(list -> view(intake, list, true)));
    }

    @WithSession
    public Uni<Page<IntakeView>> list(String owner, PageRequest request) {
        return intakes.listOwned(owner, request).map(fetched -> Page.of(fetched, request.limit(), i -> i.submittedAt, i -> i.id))
                .chain(page -> cases.listByIntakes(page.items().stream().map(i -> i.id).toList())
                .map(all -> {
                    Map<UUID, List<ProgramCase>> byIntake = all.stream().collect(Collectors.groupingBy(c -> c.intakeId));
                    return page.map(i -> view(i, byIntake.getOrDefault(i.id, List.of()), false));
                }));
    }

    /**
     * Withdraws the intake and every open case, as long as no agency has decided yet; repeating it is harmless. The
     * owner may, and a family delegate whose delegation lets them act for the applicant (audited); anyone else gets 404.
     * A delegate's answer leaves out the applicant and the evaluation (household income, health, members).
     */
    @WithTransaction
    public Uni<IntakeView> withdraw(Accessor caller, UUID id) {
        return mayWithdraw(caller, id).chain(allowed -> cases.listByIntake(id).chain(list -> {
            Intake intake = allowed.intake();
            boolean delegate = allowed.grant().isDelegate();
            if (intake.status == Intake.Status.WITHDRAWN) {
                return Uni.createFrom().item(delegate ? delegateView(intake, list) : view(intake, list, true));
            }
            if (intake.status != Intake.Status.ACTIVE || list.stream().anyMatch(IntakeService::isDecided)) {
                throw ProblemException.conflict("already-decided",
                        "An agency has already decided on part of this application; it can no longer be withdrawn. "
                                + "Ask the caseworker to close the remaining cases.");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            intake.status = Intake.Status.WITHDRAWN;
            intake.updatedAt = now;
            List<ProgramCase> open = list.stream().filter(IntakeService::isOpen).toList();
            return Panache.getSession()
                    .chain(session -> end(session, open, CaseLifecycle.Ending.WITHDRAWN_BY_APPLICANT, caller.ownerKey())
                            .call(() -> outbox.append(session, "INTAKE", id, "INTAKE_WITHDRAWN",
                                    Map.of("intakeNumber", intake.intakeNumber)))
                            .call(() -> !delegate ? Uni.createFrom().voidItem() : audit.record(session, new AuditLog.Entry(
                                    caller.ownerKey(), "delegate", "DELEGATE_WITHDRAW_INTAKE", "INTAKE", id.toString(), "OK",
                                    "delegation " + allowed.grant().delegationId()))))
                    .map(ignored -> delegate ? delegateView(intake, list) : view(intake, list, true));
        }));
    }

    private record Allowed(Intake intake, Grant grant) {
    }

    /** The intake when the caller may withdraw it; 404 otherwise, as if it did not exist. */
    private Uni<Allowed> mayWithdraw(Accessor caller, UUID id) {
        return intakes.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No such application."))
                // withdrawal is a resident's act: staff close cases through their own transitions
                .chain(intake -> access.require(caller, id, intake.ownerSubject, List.of(), IntakeAccess.Need.WITHDRAW)
                        .map(grant -> new Allowed(intake, grant)));
    }

    /** What a delegate acting for the applicant sees of the result: number, state and cases, nothing about the person. */
    private IntakeView delegateView(Intake intake, List<ProgramCase> caseList) {
        IntakeView full = view(intake, caseList, false);
        return new IntakeView(full.id(), full.intakeNumber(), full.status(), null, full.regionCode(), full.revision(),
                full.parameterVersion(), full.submittedAt(), full.cases().stream().map(c -> new IntakeView.CaseView(c.id(),
                        c.program(), c.agency(), c.status(), null, c.urgent(), null, null, List.of(), c.closedReason())).toList(),
                null);
    }

    /**
     * Change of circumstances: evaluates the new household, opens cases for programs it now qualifies for, closes
     * undecided cases of programs it no longer does, and keeps the earlier snapshot.
     */
    public Uni<StoredAnswer> revise(Accessor caller, String idempotencyKey, UUID id, Integer expectedRevision,
            RevisionRequest request) {
        return idempotency.once(caller.ownerKey(), idempotencyKey, REVISE, Map.of("intake", id, "request", request),
                () -> Uni.createFrom().item(() -> screening.screen(request.household()))
                        .chain(evaluation -> Panache.withTransaction(
                                () -> storeRevision(caller, idempotencyKey, id, expectedRevision, request, evaluation))));
    }

    private Uni<Prepared> prepare(String owner, UUID draftId) {
        return drafts.content(owner, draftId)
                // A submission uses its draft up, so this is also what a repeat gets once its Idempotency-Key has
                // expired (IdempotencyConfig.retention): say where the application went. The same words for someone
                // else's draft, so they tell nothing about it.
                .onFailure(f -> f instanceof ProblemException problem && problem.status() == 404)
                .transform(f -> ProblemException.notFound("No such draft. A draft is used up by its submission: if this "
                        + "repeats an earlier submission, the application is among the applicant's applications "
                        + "(GET /api/v1/intakes)."))
                .map(draft -> {
                    checkApplicant(draft.applicant());
                    Screening evaluation = screening.screen(draft.household());
                    List<ProgramResult> kept = kept(evaluation, draft.chosenPrograms());
                    if (kept.isEmpty()) {
                        throw new ProblemException(422, "nothing-to-apply-for", "No program to apply for",
                                "By the household you described, none of the programs you kept may apply. The screening "
                                        + "explains each verdict and what would change it; a caseworker can still advise you.",
                                null);
                    }
                    return new Prepared(draft, evaluation, kept);
                });
    }

    private Uni<StoredAnswer> store(String owner, String idempotencyKey, UUID draftId, Prepared prepared) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ApplicantDetails applicant = prepared.draft().applicant();
        Household household = prepared.draft().household();
        return Panache.getSession().chain(session -> nextIntakeNumber(session, household.regionCode(), now)
                .chain(number -> {
                    Intake intake = new Intake();
                    intake.id = UUID.randomUUID();
                    intake.intakeNumber = number;
                    intake.ownerSubject = owner;
                    intake.status = Intake.Status.ACTIVE;
                    intake.applicantName = applicant.name().strip();
                    String nationalId = NationalId.normalize(applicant.nationalId());
                    intake.applicantNationalIdEncrypted = protector.encrypt(nationalId);
                    intake.applicantNationalIdHash = protector.lookupHash(nationalId);
                    intake.applicantPhoneEncrypted = protector.encrypt(applicant.phone());
                    intake.applicantPhoneHash = protector.lookupHash(applicant.phone());
                    intake.chosenPrograms = ProgramCodes.toColumn(prepared.draft().chosenPrograms());
                    intake.situation = prepared.draft().situation();
                    intake.consentAt = now;
                    intake.submittedAt = now;
                    intake.revision = 0;
                    applyEvaluation(intake, household, prepared.evaluation(), now);
                    List<ProgramCase> opened = prepared.kept().stream().map(r -> openCase(intake, r, now)).toList();
                    return session.persist(intake)
                            .call(session::flush) // surfaces a second active intake of the applicant here
                            .call(() -> session.persist(snapshot(intake, "SUBMISSION", now)))
                            .call(() -> session.persistAll(opened.toArray()))
                            .call(() -> outbox.append(session, "INTAKE", intake.id, "INTAKE_SUBMITTED", Map.of(
                                    "intakeNumber", intake.intakeNumber,
                                    "programs", opened.stream().map(c -> c.program).toList())))
                            .call(() -> draftDocuments.followToIntake(session, draftId, intake.id))
                            .call(() -> drafts.deleteWithin(owner, draftId))
                            // The submission stores the applicant's personal data: audited in the same transaction
                            // (an insert without a lock since V13; AuditSealer chains it after the commit).
                            // The owner key names the resident (a pseudonym, never the national id).
                            .call(() -> audit.record(session, new AuditLog.Entry(owner, "resident", "INTAKE_SUBMIT",
                                    "INTAKE", intake.id.toString(), "OK", null)))
                            .map(ignored -> created(intake, opened, prepared.evaluation()))
                            .call(answer -> idempotency.complete(session, owner, idempotencyKey, answer));
                }));
    }

    private Uni<StoredAnswer> storeRevision(Accessor caller, String idempotencyKey, UUID id, Integer expectedRevision,
            RevisionRequest request, Screening evaluation) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String owner = caller.ownerKey();
        // the applicant's own statement: anyone else's 404 is an audited denial (a delegate's with its scope)
        return intakes.findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("No such application."))
                .call(intake -> access.require(caller, id, intake.ownerSubject, List.of(), IntakeAccess.Need.REVISE))
                .chain(intake -> {
            if (intake.status != Intake.Status.ACTIVE) {
                throw ProblemException.conflict("intake-not-active", "Only an active application can be updated.");
            }
            // The key's record is purged after IdempotencyConfig.retention; the revision a client changed is what
            // stops its late repeat from being applied a second time.
            if (expectedRevision != null && intake.revision != expectedRevision) {
                throw ProblemException.preconditionFailed("The application was updated since (now revision " + intake.revision
                        + "); reload it and report the change again if it is still needed.");
            }
            return cases.listByIntake(id).chain(existing -> Panache.getSession().chain(session -> {
                intake.chosenPrograms = ProgramCodes.toColumn(request.chosenPrograms());
                if (request.situation() != null) {
                    intake.situation = request.situation();
                }
                applyEvaluation(intake, request.household(), evaluation, now);
                Map<Program, ProgramResult> keptNow = kept(evaluation, request.chosenPrograms()).stream()
                        .collect(Collectors.toMap(ProgramResult::program, Function.identity()));
                List<ProgramCase> opened = new ArrayList<>();
                List<ProgramCase> dropped = new ArrayList<>();
                for (ProgramCase c : existing) {
                    boolean open = !ProgramCase.CLOSED.equals(c.status) && !ProgramCase.WITHDRAWN.equals(c.status);
                    ProgramResult result = keptNow.remove(Program.valueOf(c.program));
                    if (!open) {
                        if (result != null) {
                            opened.add(openCase(intake, result, now));
                        }
                    } else if (result == null && !isDecided(c)) {
                        dropped.add(c);
                    } else if (result != null) {
                        c.verdict = result.verdict().name();
                        c.urgent = result.urgent();
                        c.estimateAmount = result.estimate().amount();
                        c.members = result.members().toArray(String[]::new);
                        c.updatedAt = now;
                    }
                }
                keptNow.values().forEach(result -> opened.add(openCase(intake, result, now)));
                List<ProgramCase> all = new ArrayList<>(existing);
                all.addAll(opened);
                List<String> closed = dropped.stream().map(c -> c.program).toList();
                return session.persist(snapshot(intake, "CHANGE_OF_CIRCUMSTANCES", now))
                        .call(() -> end(session, dropped, CaseLifecycle.Ending.CIRCUMSTANCES_CHANGED, owner))
                        .call(() -> session.persistAll(opened.toArray()))
                        .call(() -> outbox.append(session, "INTAKE", intake.id, "INTAKE_REVISED", Map.of(
                                "intakeNumber", intake.intakeNumber, "revision", intake.revision,
                                "opened", opened.stream().map(c -> c.program).toList(), "closed", closed)))
                        .call(session::flush)
                        .map(ignored -> created(intake, all, evaluation))
                        .call(answer -> idempotency.complete(session, owner, idempotencyKey, answer));
            }));
        });
    }

    private void applyEvaluation(Intake intake, Household household, Screening evaluation, OffsetDateTime now) {
        intake.revision += 1;
        intake.regionCode = household.regionCode();
        intake.hukou = household.hukou().name();
        intake.memberCount = household.members().size();
        intake.perCapitaIncome = screening.perCapitaIncome(household);
        intake.parameterVersion = evaluation.parameterVersion();
        // stored with asOf resolved, so the snapshot reproduces the evaluation exactly
        intake.household = json.write(household.asOf() == null ? household.withAsOf(evaluation.asOf()) : household);
        intake.evaluation = json.write(evaluation);
        intake.updatedAt = now;
    }

    private IntakeSnapshot snapshot(Intake intake, String reason, OffsetDateTime now) {
        IntakeSnapshot snapshot = new IntakeSnapshot();
        snapshot.intakeId = intake.id;
        snapshot.revision = intake.revision;
        snapshot.reason = reason;
        snapshot.household = intake.household;
        snapshot.evaluation = intake.evaluation;
        snapshot.parameterVersion = intake.parameterVersion;
        snapshot.createdAt = now;
        return snapshot;
    }

    private ProgramCase openCase(Intake intake, ProgramResult result, OffsetDateTime now) {
        ProgramCase c = new ProgramCase();
        c.id = UUID.randomUUID();
        c.intakeId = intake.id;
        c.program = result.program().name();
        c.agency = result.program().agency().name();
        c.regionCode = intake.regionCode;
        c.status = ProgramCase.SUBMITTED;
        c.verdict = result.verdict().name();
        c.urgent = result.urgent();
        c.estimateAmount = result.estimate().amount();
        c.estimatePeriod = result.estimate().period().name();
        c.members = result.members().toArray(String[]::new);
        c.openedAt = now;
        c.updatedAt = now;
        caseLifecycle.opened(c, now); // from here the case is the cases context's: its first clock starts now
        return c;
    }

    /** Ends each case through the cases context, one after the other on the one session of the transaction. */
    private Uni<Void> end(Mutiny.Session session, List<ProgramCase> toEnd, CaseLifecycle.Ending ending, String owner) {
        Uni<Void> ended = Uni.createFrom().voidItem();
        for (ProgramCase c : toEnd) {
            ended = ended.call(() -> caseLifecycle.end(session, c, ending, owner));
        }
        return ended;
    }

    /** Neither decided nor ended: the application may still end it. */
    private static boolean isOpen(ProgramCase c) {
        return !DECIDED.contains(c.status) && !ProgramCase.WITHDRAWN.equals(c.status);
    }

    /**
     * An agency has decided on the case. A case closed because the resident's own change of circumstances dropped
     * its program was never decided, so it does not stand in the way of withdrawing the rest.
     */
    private static boolean isDecided(ProgramCase c) {
        return DECIDED.contains(c.status) && !CaseLifecycle.Ending.CIRCUMSTANCES_CHANGED.name().equals(c.closedReason);
    }

    /** {@code JZ-<region>-<year>-<6-digit number>}: readable over the phone, unique across instances. */
    private static Uni<String> nextIntakeNumber(Mutiny.Session session, String regionCode, OffsetDateTime now) {
        return session.createNativeQuery("select nextval('intake_number_seq')", Long.class).getSingleResult()
                .map(n -> "JZ-%s-%d-%06d".formatted(regionCode, now.getYear(), n));
    }

    private static List<ProgramResult> kept(Screening evaluation, List<Program> chosen) {
        return evaluation.programs().stream()
                .filter(r -> r.verdict() != Verdict.NOT_ELIGIBLE)
                .filter(r -> chosen == null || chosen.contains(r.program()))
                .toList();
    }

    private static void checkApplicant(ApplicantDetails applicant) {
        List<FieldProblem> problems = new ArrayList<>();
        if (applicant == null || applicant.name() == null || applicant.name().isBlank()) {
            problems.add(new FieldProblem("applicant.name", "请填写申请人姓名 / the applicant's name is required"));
        }
        if (applicant == null || !NationalId.isValid(applicant.nationalId())) {
            problems.add(new FieldProblem("applicant.nationalId",
                    "请填写正确的 18 位身份证号 / a valid 18-character national id number is required"));
        }
        if (applicant == null || applicant.phone() == null) {
            problems.add(new FieldProblem("applicant.phone",
                    "请留下联系电话，方便通知审核结果 / a phone number is required for notices about the application"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    private static boolean isSecondActiveIntake(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                return ONE_ACTIVE_PER_APPLICANT.equals(violation.getConstraintName());
            }
        }
        return false;
    }

    /** 409 naming the applicant's active intake, so the resident can follow or change it instead. */
    private Uni<StoredAnswer> refuseSecondActiveIntake(String owner, UUID draftId) {
        return drafts.content(owner, draftId)
                .chain(draft -> intakes.findActiveByApplicant(
                        protector.lookupHash(NationalId.normalize(draft.applicant().nationalId()))))
                .map(existing -> {
                    String pointer = existing == null ? "" : " (" + existing.intakeNumber + ")";
                    throw ProblemException.conflict("active-intake-exists",
                            "This applicant already has an application in progress" + pointer
                                    + ". Report changes on that application, or withdraw it first.");
                });
    }

    private StoredAnswer created(Intake intake, List<ProgramCase> opened, Screening evaluation) {
        return new StoredAnswer(201, location(intake), json.write(view(intake, opened, evaluation)));
    }

    private static String location(Intake intake) {
        return "/api/v1/intakes/" + intake.id;
    }

    IntakeView view(Intake intake, List<ProgramCase> caseList, boolean withEvaluation) {
        return view(intake, caseList, withEvaluation ? json.read(intake.evaluation, Screening.class) : null);
    }

    /** With the evaluation just made, where there is one, instead of reading back the JSON it was written to. */
    private IntakeView view(Intake intake, List<ProgramCase> caseList, Screening evaluation) {
        List<IntakeView.CaseView> caseViews = caseList.stream()
                .map(c -> new IntakeView.CaseView(c.id, c.program, c.agency, c.status, c.verdict, c.urgent,
                        Yuan.plain(c.estimateAmount), c.estimatePeriod, List.of(c.members), c.closedReason))
                .toList();
        ApplicantDetails applicant = new ApplicantDetails(intake.applicantName,
                protector.decrypt(intake.applicantNationalIdEncrypted), protector.decrypt(intake.applicantPhoneEncrypted), null);
        return new IntakeView(intake.id, intake.intakeNumber, intake.status.name(), ApplicantCodec.view(applicant),
                intake.regionCode, intake.revision, intake.parameterVersion, intake.submittedAt, caseViews, evaluation);
    }
}
