package io.onestop.assistance.monitoring;

import io.onestop.assistance.access.AuditLog;
import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.access.ResidentService;
import io.onestop.assistance.access.StaffScope;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.intake.DraftService;
import io.onestop.assistance.intake.IntakeLookup;
import io.onestop.assistance.intake.api.ApplicantDetails;
import io.onestop.assistance.intake.api.DraftRequest;
import io.onestop.assistance.monitoring.api.MonitoringViews.InvitationStaffView;
import io.onestop.assistance.monitoring.api.MonitoringViews.MyInvitation;
import io.onestop.assistance.monitoring.api.MonitoringViews.OptOutView;
import io.onestop.assistance.monitoring.api.MonitoringViews.ProgramName;
import io.onestop.assistance.notify.OutboxWriter;
import io.onestop.assistance.programs.Assets;
import io.onestop.assistance.programs.Employment;
import io.onestop.assistance.programs.Household;
import io.onestop.assistance.programs.HouseholdMember;
import io.onestop.assistance.programs.Housing;
import io.onestop.assistance.programs.Hukou;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramResult;
import io.onestop.assistance.programs.Relationship;
import io.onestop.assistance.programs.RigidExpenditure;
import io.onestop.assistance.programs.Schooling;
import io.onestop.assistance.programs.ScreeningService;
import io.onestop.assistance.programs.SuddenEvent;
import io.onestop.assistance.programs.SuddenEventType;
import io.onestop.assistance.programs.Yuan;
import io.onestop.assistance.programs.parameters.ParameterCatalog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Invitations (政策找人). A caseworker invites the person of a warning: the resident with that national id is found
 * by its keyed hash, or registered now under the name the agency sent (as the hotline does for a caller it meets
 * first), and a draft intake is created at once under the resident's owner key, prefilled from the person's latest
 * application or else from the signal. A resident who has no login yet sees the draft and the invitation as soon
 * as they log in and bind their real name (the owner key is the same), so nothing waits in between. The message goes
 * through the outbox (inbox, SMS, mini program; the hotline phones when no channel reaches the person).
 * <p>
 * Opting out stops new warnings and invitations for {@link MonitoringConfig#optOutDays()} days and dismisses the
 * person's open warnings.
 */
@ApplicationScoped
public class InvitationService {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final WarningService warnings;
    private final ResidentService residents;
    private final DraftService drafts;
    private final IntakeLookup intakes;
    private final ScreeningService screening;
    private final ParameterCatalog parameters;
    private final OutboxWriter outbox;
    private final PersonalDataProtector protector;
    private final AuditLog audit;
    private final MonitoringConfig config;
    private final Clock clock;

    public InvitationService(WarningService warnings, ResidentService residents, DraftService drafts, IntakeLookup intakes,
            ScreeningService screening, ParameterCatalog parameters, OutboxWriter outbox, PersonalDataProtector protector,
            AuditLog audit, MonitoringConfig config, Clock clock) {
        this.warnings = warnings;
        this.residents = residents;
        this.drafts = drafts;
        this.intakes = intakes;
        this.screening = screening;
        this.parameters = parameters;
        this.outbox = outbox;
        this.protector = protector;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Invites the person of an open warning of the caller's region: 404 outside it, 409 when the warning is closed,
     * the person opted out or already has an application in progress (one active intake per applicant).
     */
    @WithTransaction
    public Uni<InvitationStaffView> invite(StaffScope scope, String subject, UUID warningId) {
        return Panache.getSession().chain(session -> warnings.inScope(session, scope, subject, warningId, "MONITORING_INVITE").chain(w -> {
            WarningService.requireOpen(w);
            return warnings.optedOut(session, w.nationalIdHash).chain(out -> {
                if (out) {
                    throw ProblemException.conflict("opted-out",
                            "本人已选择暂不接受联系 / the person asked not to be contacted; the opt-out is still in force");
                }
                return session.find(Signal.class, w.signalId).chain(signal -> warnings.facts(w.nationalIdHash)
                        .chain(facts -> {
                            if (facts.hasActiveIntake()) {
                                throw ProblemException.conflict("active-intake-exists",
                                        "此人已有正在办理的申请，请在该申请中核实 / the person already has an application in progress");
                            }
                            return invite(session, subject, w, signal, facts);
                        }));
            });
        }));
    }

    private Uni<InvitationStaffView> invite(Mutiny.Session session, String subject, Warning w, Signal signal, PersonFacts facts) {
        String nationalId = protector.decrypt(signal.nationalIdEncrypted);
        OffsetDateTime now = OffsetDateTime.now(clock);
        Household household = prefill(signal, facts, nationalId);
        List<Program> likely = likelyPrograms(household);
        String why = why(signal.type);
        return residents.findByNationalIdHash(w.nationalIdHash)
                .chain(found -> found != null ? Uni.createFrom().item(found) : residents.register(session, nationalId, signal.personName))
                .chain(resident -> phone(facts, w.nationalIdHash).chain(phone -> drafts.create(resident.ownerKey(),
                        new DraftRequest(household, new ApplicantDetails(resident.name, nationalId, phone, null), null,
                                "（工作人员根据有关部门信息预先填写，请核对、补充后提交）" + why))
                        .chain(draft -> {
                            Invitation invitation = new Invitation();
                            invitation.id = UUID.randomUUID();
                            invitation.warningId = w.id;
                            invitation.residentId = resident.id;
                            invitation.nationalIdHash = w.nationalIdHash;
                            invitation.regionCode = w.regionCode;
                            invitation.draftId = draft.id();
                            invitation.reasonZh = why;
                            invitation.likelyPrograms = likely.stream().map(Enum::name).toArray(String[]::new);
                            invitation.invitedBy = subject;
                            invitation.invitedAt = now;
                            w.status = Warning.Status.INVITED;
                            w.closedAt = now;
                            w.closedBy = subject;
                            return session.persist(invitation).call(session::flush)
                                    .call(() -> outbox.append(session, "RESIDENT", resident.id, "INVITATION_SENT", Map.of(
                                            "invitationId", invitation.id.toString(),
                                            "regionCode", w.regionCode,
                                            "why", why,
                                            "programs", likely.stream().map(Enum::name).toList(),
                                            "optOutDays", config.optOutDays())))
                                    .call(() -> audit.record(session, new AuditLog.Entry(subject, WarningService.ROLE,
                                            "MONITORING_INVITE", "WARNING", w.id.toString(), "OK", "invitation " + invitation.id)))
                                    .chain(() -> bound(session, resident.id))
                                    .map(bound -> new InvitationStaffView(invitation.id, w.id, likely, now, bound));
                        })));
    }

    private Uni<Boolean> bound(Mutiny.Session session, UUID residentId) {
        return session.createQuery("select count(*) from ResidentIdentity where residentId = ?1", Long.class)
                .setParameter(1, residentId).getSingleResult().map(n -> n > 0);
    }

    /** The phone to prefill: from the latest application, else the one the resident verified; in memory only. */
    private Uni<String> phone(PersonFacts facts, String nationalIdHash) {
        if (facts.latest().isPresent() && facts.latest().get().applicantPhoneEncrypted != null) {
            return Uni.createFrom().item(intakes.applicantPhone(facts.latest().get()));
        }
        return residents.phoneOf(nationalIdHash);
    }

    /** The programs the prefilled household may qualify for; none when it cannot be screened yet. */
    private List<Program> likelyPrograms(Household household) {
        try {
            return screening.screen(household).programs().stream().filter(ProgramResult::qualifies)
                    .map(ProgramResult::program).toList();
        } catch (ProblemException incomplete) {
            return List.of();
        }
    }

    /**
     * The household of the person's latest application, else one member (the person) with what the signal tells;
     * the signal is written onto the applicant either way. The resident checks and completes it before submitting.
     */
    Household prefill(Signal signal, PersonFacts facts, String nationalId) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        int retirementAge = parameters.parametersFor(signal.regionCode.substring(0, 6), today).retirementAge();
        LocalDate birth = WarningService.birthDate(nationalId);
        Household base;
        if (facts.latest().isPresent()) {
            base = intakes.household(facts.latest().get()).withAsOf(null);
        } else {
            boolean retired = WarningService.age(nationalId, today) >= retirementAge;
            HouseholdMember person = new HouseholdMember("m1", Relationship.APPLICANT, birth, null, false, Schooling.NONE,
                    retired ? Employment.RETIRED : Employment.EMPLOYED, BigDecimal.ZERO, false);
            base = new Household(signal.regionCode.substring(0, 6), Hukou.URBAN, null, List.of(person),
                    new Assets(BigDecimal.ZERO, 0, 1), new RigidExpenditure(BigDecimal.ZERO, BigDecimal.ZERO), false,
                    Housing.ADEQUATE, null);
        }
        List<HouseholdMember> members = new ArrayList<>();
        for (HouseholdMember m : base.members()) {
            if (m.relationship() != Relationship.APPLICANT) {
                members.add(m);
                continue;
            }
            Integer grade = signal.type == SignalType.DISABILITY_CERTIFICATE ? signal.disabilityGrade : m.disabilityGrade();
            Employment employment = signal.type == SignalType.UNEMPLOYMENT_REGISTRATION ? Employment.UNEMPLOYED : m.employment();
            BigDecimal income = signal.type == SignalType.UNEMPLOYMENT_REGISTRATION ? BigDecimal.ZERO : m.monthlyIncome();
            members.add(new HouseholdMember(m.id(), m.relationship(), m.birthDate(), grade, m.seriousIllness(), m.schooling(),
                    employment, income, m.parentsUnableToRaise()));
        }
        RigidExpenditure rigid = base.rigidExpenditure12m();
        if (signal.type == SignalType.MEDICAL_BILL && (rigid.medical() == null || rigid.medical().compareTo(signal.amount) < 0)) {
            rigid = new RigidExpenditure(Yuan.plain(signal.amount), rigid.education());
        }
        SuddenEvent event = base.suddenEvent();
        if (signal.type == SignalType.DISASTER) {
            event = new SuddenEvent(SuddenEventType.DISASTER, signal.occurredOn,
                    signal.amount == null ? BigDecimal.ZERO : Yuan.plain(signal.amount));
        } else if (signal.type == SignalType.DEATH_IN_HOUSEHOLD) {
            event = new SuddenEvent(SuddenEventType.DEATH_OF_EARNER, signal.occurredOn, BigDecimal.ZERO);
        }
        return new Household(base.regionCode(), base.hukou(), null, members, base.assets(), rigid, base.hasAbleSupporter(),
                base.housing(), event);
    }

    /** Why the person is contacted, in plain words for them (never the agency's figures about their health). */
    static String why(SignalType type) {
        return switch (type) {
            case MEDICAL_BILL -> "我们从医保部门了解到，您近期看病自己负担的医疗费用较多。";
            case DISABILITY_CERTIFICATE -> "我们从残联了解到，您（或家人）新办理了残疾人证。";
            case UNEMPLOYMENT_REGISTRATION -> "我们从人社部门了解到，您近期办理了失业登记。";
            case DEATH_IN_HOUSEHOLD -> "我们了解到，您家中近期有亲人去世，请节哀。";
            case DISASTER -> "我们了解到，您所在的地区近期发生了灾害。";
            case SCHOOL_DROP_OUT -> "我们从教育部门了解到，您家中有孩子近期没有继续上学。";
            case PROGRAM_ENDED -> "我们了解到，您（或家人）享受的一项救助即将到期。";
        };
    }

    /** The resident's invitations, newest first; none before real-name binding. */
    @WithSession
    public Uni<List<MyInvitation>> mine(UUID residentId, String ownerKey) {
        if (residentId == null) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session
                .createQuery("from Invitation where residentId = ?1 order by invitedAt desc", Invitation.class)
                .setParameter(1, residentId).getResultList()
                .chain(list -> Multi.createFrom().iterable(list)
                        .onItem().transformToUniAndConcatenate(i -> drafts.get(ownerKey, i.draftId)
                                .map(draft -> draft.id())
                                .onFailure(ProblemException.class).recoverWithNull()
                                .map(draftId -> view(i, draftId)))
                        .collect().asList()));
    }

    /** Opts the resident out (404 for someone else's invitation); repeating it extends nothing and changes nothing. */
    @WithTransaction
    public Uni<OptOutView> optOut(UUID residentId, String ownerKey, UUID invitationId) {
        // a login without real-name binding (residentId null) has no invitation: it gets the 404 below, audited like
        // any other reach for someone else's invitation
        // as the database keeps it (UTC, microseconds), so a repeated opt-out answers the same instant the same way
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(java.time.ZoneOffset.UTC)
                .truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        OffsetDateTime until = now.plusDays(config.optOutDays());
        return Panache.getSession().chain(session -> session.find(Invitation.class, invitationId).call(i -> {
            // someone else's invitation is an audited denial (in a transaction of its own: this one rolls back with
            // the 404); an unknown id leaves no row, and both answer the same 404
            if (i == null || i.residentId.equals(residentId)) { // equals(null) is false: an unbound login is denied
                return Uni.createFrom().voidItem();
            }
            return audit.recordAlone(new AuditLog.Entry(ownerKey, "resident", "MONITORING_OPT_OUT", "INVITATION",
                    invitationId.toString(), "DENIED", null));
        }).chain(i -> {
            if (i == null || !i.residentId.equals(residentId)) {
                throw ProblemException.notFound("No such invitation of yours.");
            }
            if (i.optedOutAt != null) {
                return session.createNativeQuery("select opted_out_until from monitoring_opt_out where national_id_hash = ?1",
                                OffsetDateTime.class)
                        .setParameter(1, i.nationalIdHash).getSingleResult()
                        .map(stored -> optOutView(i, stored.withOffsetSameInstant(java.time.ZoneOffset.UTC)));
            }
            i.optedOutAt = now;
            return session.flush()
                    .call(() -> session.createNativeQuery("""
                                    insert into monitoring_opt_out (national_id_hash, opted_out_at, opted_out_until)
                                    values (?1, ?2, ?3) on conflict (national_id_hash)
                                    do update set opted_out_at = excluded.opted_out_at, opted_out_until = excluded.opted_out_until""")
                            .setParameter(1, i.nationalIdHash).setParameter(2, now).setParameter(3, until).executeUpdate())
                    .call(() -> session.createNativeQuery("""
                                    update monitoring_warning set status = 'DISMISSED', closed_at = ?2, closed_by = ?3,
                                      dismiss_reason = '本人选择暂不接受联系 / the person opted out', version = version + 1
                                    where national_id_hash = ?1 and status in ('OPEN', 'VISITED')""")
                            .setParameter(1, i.nationalIdHash).setParameter(2, now).setParameter(3, ownerKey).executeUpdate())
                    .call(() -> audit.record(session, new AuditLog.Entry(ownerKey, "resident", "MONITORING_OPT_OUT",
                            "INVITATION", i.id.toString(), "OK", null)))
                    .map(ignored -> optOutView(i, until));
        }));
    }

    private OptOutView optOutView(Invitation i, OffsetDateTime until) {
        return new OptOutView(i.id, i.optedOutAt, until, "已为您登记：" + zhDate(until.atZoneSameInstant(CHINA).toLocalDate())
                + "之前不会再因部门数据主动联系您。已经保存的申请草稿仍然保留，您随时可以自己提交申请。");
    }

    private MyInvitation view(Invitation i, UUID draftId) {
        return new MyInvitation(i.id, i.invitedAt,
                i.reasonZh + "按照“政策找人”的要求，工作人员为您预先填写了一份救助申请草稿。",
                Arrays.stream(i.likelyPrograms).map(Program::valueOf)
                        .map(p -> new ProgramName(p, p.localizedName())).toList(),
                draftId, howToOptOut(), i.optedOutAt);
    }

    String howToOptOut() {
        return "如果您不需要帮助，可以选择“暂不需要”，" + config.optOutDays() + " 天内不会再因部门数据主动联系您；也可以拨打 12345 热线告诉我们。";
    }

    private static String zhDate(LocalDate date) {
        return WarningRules.zhDate(date);
    }
}
