package io.onestop.assistance.delegation;

import io.onestop.assistance.access.AuditLog;
import io.onestop.assistance.access.IntakeAccess;
import io.onestop.assistance.access.IntakeAccess.Accessor;
import io.onestop.assistance.access.IntakeAccess.Need;
import io.onestop.assistance.access.NationalId;
import io.onestop.assistance.access.ResidentService;
import io.onestop.assistance.access.ResidentService.Named;
import io.onestop.assistance.cases.CaseService;
import io.onestop.assistance.cases.StaffActor;
import io.onestop.assistance.cases.notice.PublicNoticeEntry;
import io.onestop.assistance.common.FieldProblem;
import io.onestop.assistance.common.JsonCodec;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.common.idempotency.IdempotencyService;
import io.onestop.assistance.common.idempotency.IdempotencyService.StoredAnswer;
import io.onestop.assistance.delegation.api.DelegationRequest;
import io.onestop.assistance.delegation.api.DelegationView;
import io.onestop.assistance.delegation.api.ReceivedDelegationView;
import io.onestop.assistance.intake.Intake;
import io.onestop.assistance.intake.IntakeLookup;
import io.onestop.assistance.programs.parameters.ParameterCatalog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Family delegation: the applicant lets a registered family member follow one intake (and, by scope, upload
 * documents or act for them) until an end date at most 6 months ahead, and may revoke it at any time; a caseworker in
 * scope may grant one for an elderly applicant who has no phone, with the reason recorded. Every grant and revoke is
 * audited. What a delegate may then do is decided by {@link io.onestop.assistance.access.IntakeAccess} alone.
 */
@ApplicationScoped
public class DelegationService {

    /** The limit: a delegation is granted for at most six months, then granted again if still needed. */
    static final int MAX_MONTHS = 6;
    static final String GRANT = "GRANT_DELEGATION";
    private static final String NOT_FOUND = "No such application.";

    private final DelegationRepository delegations;
    private final IntakeLookup intakes;
    private final CaseService cases;
    private final ResidentService residents;
    private final AuditLog audit;
    private final IdempotencyService idempotency;
    private final JsonCodec json;
    private final IntakeAccess access;
    private final ParameterCatalog parameters;
    private final Clock clock;

    public DelegationService(DelegationRepository delegations, IntakeLookup intakes, CaseService cases,
            ResidentService residents, AuditLog audit, IdempotencyService idempotency, JsonCodec json, IntakeAccess access,
            ParameterCatalog parameters, Clock clock) {
        this.access = access;
        this.parameters = parameters;
        this.delegations = delegations;
        this.intakes = intakes;
        this.cases = cases;
        this.residents = residents;
        this.audit = audit;
        this.idempotency = idempotency;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The applicant grants a delegation of their intake, once per Idempotency-Key (a retry replays the first answer);
     * 404 for an intake that is not theirs.
     */
    public Uni<StoredAnswer> grantByOwner(Accessor owner, String idempotencyKey, UUID intakeId, DelegationRequest request) {
        validate(request, false);
        return idempotency.once(owner.ownerKey(), idempotencyKey, GRANT, Map.of("intake", intakeId, "request", request),
                () -> Panache.withTransaction(() -> owned(owner, intakeId)
                        .chain(intake -> grant(intake, request, owner.ownerKey(), owner.residentId(), "resident", null))
                        .chain(view -> completed(owner.ownerKey(), idempotencyKey, view))));
    }

    /**
     * A caseworker whose agency and region cover the case grants a delegation of the case's intake for an applicant
     * who cannot do it themselves (elderly, no phone); the reason is required and audited. 404 outside their scope.
     */
    public Uni<StoredAnswer> grantByCaseworker(StaffActor caseworker, String idempotencyKey, UUID caseId,
            DelegationRequest request) {
        validate(request, true);
        return idempotency.once(caseworker.subject(), idempotencyKey, GRANT, Map.of("case", caseId, "request", request),
                () -> Panache.withTransaction(() -> cases.inScope(caseworker, caseId)
                        .chain(c -> intakes.find(c.intakeId))
                        .call(this::grantableByCaseworker)
                        .chain(intake -> grant(intake, request, caseworker.subject(), null, "caseworker", request.reason().strip()))
                        .chain(view -> completed(caseworker.subject(), idempotencyKey, view))));
    }

    /**
     * A caseworker grants only for the applicant the issue names, an elderly resident without a phone: aged at least
     * {@code retirementAge} of the intake's region today (60, the age programs-spec counts as old: special hardship,
     * labour capacity), by the birth date in the national id number, and without a phone of their own: none verified
     * as theirs on their resident record (the mini program's one-time code proved they receive texts on it, so they
     * can sign in and grant it themselves). The application's contact phone does not count: every application needs
     * one, and an elderly applicant without a phone gives a relative's. Either missing is a 422 that says what would
     * change it.
     */
    private Uni<Void> grantableByCaseworker(Intake intake) {
        LocalDate today = LocalDate.now(clock);
        int elderly = parameters.parametersFor(intake.regionCode, today).retirementAge();
        int age = Period.between(NationalId.birthDate(intakes.applicantNationalId(intake)), today).getYears();
        if (age < elderly) {
            throw new ProblemException(422, "applicant-not-elderly", "Applicant not elderly", ("工作人员代为委托仅限 %1$d 周岁以上"
                    + "且没有手机的申请人；按身份证上的出生日期，申请人现年 %2$d 岁。请申请人登录网页或小程序自行委托家人；年满 %1$d 周岁后"
                    + "如仍没有手机，可由工作人员代为委托 / a caseworker may grant a delegation only for an applicant aged %1$d or "
                    + "more without a phone; by the birth date in the id number the applicant is %2$d. The applicant can grant it "
                    + "themselves after signing in on the web or in the mini program; from their %1$dth birthday, if still "
                    + "without a phone, a caseworker can.").formatted(elderly, age), null);
        }
        return residents.phoneOf(intake.applicantNationalIdHash).invoke(own -> {
            if (own != null) {
                throw new ProblemException(422, "applicant-has-phone", "Applicant has a phone", ("申请人已验证本人手机 %1$s，"
                        + "可以用它登录小程序或网页自行委托家人；工作人员代为委托仅限没有本人手机的老人。如申请人已不再使用这个号码，"
                        + "需先由申请人登录后删除该手机号（DELETE /api/v1/me/phone），才能由工作人员代为委托 / the applicant verified the "
                        + "phone %1$s as their own and can sign in with it (mini program or web) to grant the delegation "
                        + "themselves; a caseworker grants only for an elderly applicant without a phone of their own. If they "
                        + "no longer use this number, they (signed in) remove it from their record (DELETE /api/v1/me/phone); "
                        + "then a caseworker can grant one.")
                        .formatted(NationalId.maskPhone(own)), null);
            }
        }).replaceWithVoid();
    }

    /** 201 with the delegation, recorded for the key in the transaction that made it. */
    private Uni<StoredAnswer> completed(String caller, String idempotencyKey, DelegationView view) {
        StoredAnswer answer = new StoredAnswer(201, "/api/v1/intakes/" + view.intakeId() + "/delegations/" + view.id(),
                json.write(view));
        return Panache.getSession().chain(session -> idempotency.complete(session, caller, idempotencyKey, answer))
                .replaceWith(answer);
    }

    /** Every delegation of the owner's intake, newest first, with its state. */
    @WithSession
    public Uni<List<DelegationView>> listForOwner(Accessor owner, UUID intakeId) {
        return owned(owner, intakeId).chain(intake -> delegations.listByIntake(intakeId)).chain(list -> residents
                .named(list.stream().map(d -> d.delegateResidentId).distinct().toList())
                .map(named -> {
                    Map<UUID, Named> byId = named.stream().collect(Collectors.toMap(Named::residentId, Function.identity()));
                    LocalDate today = LocalDate.now(clock);
                    return list.stream().map(d -> view(d, byId.get(d.delegateResidentId), today)).toList();
                }));
    }

    /** Revokes at once; revoking a revoked or expired delegation again changes nothing. 404 for anything not the owner's. */
    @WithTransaction
    public Uni<Void> revoke(Accessor owner, UUID intakeId, UUID delegationId) {
        return owned(owner, intakeId).chain(intake -> delegations.findById(delegationId)).chain(delegation -> {
            if (delegation == null || !delegation.intakeId.equals(intakeId)) {
                throw ProblemException.notFound("No such delegation of this application.");
            }
            if (delegation.revokedAt != null) {
                return Uni.createFrom().voidItem();
            }
            delegation.revokedAt = OffsetDateTime.now(clock);
            delegation.revokedBy = owner.ownerKey();
            return Panache.getSession().chain(session -> audit.record(session, new AuditLog.Entry(owner.ownerKey(),
                    "resident", "DELEGATION_REVOKE", "DELEGATION", delegation.id.toString(), "OK",
                    "intake " + intakeId)));
        });
    }

    /** The delegations in force that the caller received; empty before real-name binding (delegations name residents). */
    @WithSession
    public Uni<List<ReceivedDelegationView>> received(Accessor caller) {
        if (caller.residentId() == null) {
            return Uni.createFrom().item(List.of());
        }
        return delegations.listActiveReceived(caller.residentId(), LocalDate.now(clock)).chain(list -> intakes
                .findAll(list.stream().map(d -> d.intakeId).distinct().toList())
                .map(byId -> list.stream().map(d -> {
                    Intake intake = byId.get(d.intakeId);
                    return new ReceivedDelegationView(d.id, d.intakeId, intake.intakeNumber,
                            PublicNoticeEntry.maskName(intake.applicantName), d.scope, d.endsOn,
                            "/api/v1/intakes/" + d.intakeId + "/status");
                }).toList()));
    }

    private Uni<DelegationView> grant(Intake intake, DelegationRequest request, String grantedBy, UUID grantorResidentId,
            String role, String reason) {
        LocalDate today = LocalDate.now(clock);
        return residents.findByIdAndPhone(request.nationalId(), request.phone()).chain(delegate -> {
            if (delegate == null) {
                // one answer for "no such resident" and "another phone on record": the grantor learns nothing more
                throw ProblemException.conflict("delegate-not-registered",
                        "没有找到与该身份证号和手机号一致的实名用户；请家人先登录并完成实名认证 / no real-name registered "
                                + "resident matches this id number and phone; ask your family member to sign in and "
                                + "complete real-name binding first.");
            }
            if (intake.applicantNationalIdHash.equals(residents.lookupHash(request.nationalId()))
                    || delegate.residentId().equals(grantorResidentId)) {
                throw ProblemException.invalid("nationalId",
                        "不能委托给申请人或您本人 / neither the applicant nor you can be the delegate");
            }
            return delegations.listActive(intake.id, delegate.residentId(), today).chain(active -> {
                if (!active.isEmpty()) {
                    throw ProblemException.conflict("already-delegated",
                            "此家人已有有效的委托；如需变更，请先撤销 / this person already holds a delegation of this "
                                    + "application in force; revoke it first to change it.");
                }
                Delegation delegation = new Delegation();
                delegation.id = UUID.randomUUID();
                delegation.intakeId = intake.id;
                delegation.delegateResidentId = delegate.residentId();
                delegation.scope = request.scope();
                delegation.endsOn = request.endsOn();
                delegation.grantedBy = grantedBy;
                delegation.grantedByRole = role;
                delegation.reason = reason;
                delegation.createdAt = OffsetDateTime.now(clock);
                return delegations.persist(delegation)
                        .call(() -> Panache.getSession().chain(session -> audit.record(session, new AuditLog.Entry(
                                grantedBy, role, "DELEGATION_GRANT", "DELEGATION", delegation.id.toString(), "OK",
                                reason == null ? "intake " + intake.id + ", " + delegation.scope
                                        : "intake " + intake.id + ", " + delegation.scope + ": " + reason))))
                        .map(ignored -> view(delegation, delegate, today));
            });
        });
    }

    private void validate(DelegationRequest request, boolean byCaseworker) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!NationalId.isValid(request.nationalId())) {
            problems.add(new FieldProblem("nationalId", "请填写正确的 18 位身份证号 / a valid 18-character national id number is required"));
        }
        LocalDate today = LocalDate.now(clock);
        if (request.endsOn().isBefore(today) || request.endsOn().isAfter(today.plusMonths(MAX_MONTHS))) {
            problems.add(new FieldProblem("endsOn", "委托期限最长 6 个月 / the end date must be between today and 6 months from today"));
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (byCaseworker && (reason.length() < 4 || reason.length() > 500)) {
            problems.add(new FieldProblem("reason", "请说明为何由工作人员代为委托 / state why the applicant cannot grant it (4 to 500 characters)"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }

    /** The intake when the caller owns it; 404 otherwise, the refusal audited (a delegate's with its scope). */
    private Uni<Intake> owned(Accessor owner, UUID intakeId) {
        return intakes.find(intakeId).onItem().ifNull().failWith(() -> ProblemException.notFound(NOT_FOUND))
                .call(intake -> access.require(owner, intakeId, intake.ownerSubject, List.of(), Need.MANAGE_DELEGATIONS));
    }

    private static DelegationView view(Delegation d, Named delegate, LocalDate today) {
        String status = d.revokedAt != null ? "REVOKED" : d.endsOn.isBefore(today) ? "EXPIRED" : "ACTIVE";
        return new DelegationView(d.id, d.intakeId, delegate == null ? null : delegate.maskedName(),
                delegate == null ? null : delegate.maskedNationalId(), d.scope, d.endsOn, status, d.grantedByRole,
                d.reason, d.createdAt, d.revokedAt);
    }
}
