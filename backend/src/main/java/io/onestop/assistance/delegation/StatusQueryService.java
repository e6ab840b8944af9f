package io.onestop.assistance.delegation;

import io.onestop.assistance.access.AuditLog;
import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.access.ResidentService;
import io.onestop.assistance.common.FieldProblem;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.common.StartupChecks;
import io.onestop.assistance.intake.Intake;
import io.onestop.assistance.intake.IntakeLookup;
import io.onestop.assistance.notify.sms.SmsSender;
import io.onestop.assistance.programs.LocalizedText;
import io.onestop.assistance.tracking.MaskingPolicy;
import io.onestop.assistance.tracking.StatusView;
import io.onestop.assistance.tracking.TrackingService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * The status query for family members without an account: intake number plus the last 6 characters of the
 * applicant's id number start a query, and a 6-digit one-time code goes by SMS to the phone on record (the
 * application's, else the resident's). The answer is the same whether or not anything matched, so the query cannot
 * be used to find intake numbers or ids; a query that matched nothing simply never accepts a code. The code is kept
 * as a keyed hash, works for 5 minutes and tolerates 5 wrong tries; the right one shows the status once, with the
 * strictest masking, audited.
 */
@ApplicationScoped
public class StatusQueryService {

    private static final Logger LOG = Logger.getLogger(StatusQueryService.class);
    private static final Pattern INTAKE_NUMBER = Pattern.compile("JZ-\\d{6}-\\d{4}-\\d{6}");
    private static final Pattern ID_LAST_6 = Pattern.compile("\\d{5}[0-9X]");
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    /** The one answer of a started query, matched or not. */
    public record Started(UUID queryId, OffsetDateTime expiresAt, LocalizedText message) {
    }

    private record Prepared(StatusQuery query, String phone, String code) {
    }

    /** What a verification found; failures are answered after the transaction, so the counted attempt is kept. */
    private record Checked(StatusView status, ProblemException refusal) {
    }

    private final IntakeLookup intakes;
    private final ResidentService residents;
    private final TrackingService tracking;
    private final PersonalDataProtector protector;
    private final SmsSender sms;
    private final AuditLog audit;
    private final StatusQueryConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public StatusQueryService(IntakeLookup intakes, ResidentService residents, TrackingService tracking,
            PersonalDataProtector protector, SmsSender sms, AuditLog audit, StatusQueryConfig config, Clock clock) {
        this.intakes = intakes;
        this.residents = residents;
        this.tracking = tracking;
        this.protector = protector;
        this.sms = sms;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** Checks the form of a query (422), before anything is counted or looked up. */
    public static String[] normalized(String intakeNumber, String idLast6) {
        String number = intakeNumber == null ? "" : intakeNumber.strip().toUpperCase();
        String digits = idLast6 == null ? "" : idLast6.strip().toUpperCase();
        List<FieldProblem> problems = new ArrayList<>();
        if (!INTAKE_NUMBER.matcher(number).matches()) {
            problems.add(new FieldProblem("intakeNumber", "受理编号格式如 JZ-140105-2026-000123 / an intake number looks like JZ-140105-2026-000123"));
        }
        if (!ID_LAST_6.matcher(digits).matches()) {
            problems.add(new FieldProblem("idLast6", "请填写申请人身份证号后 6 位 / the last 6 characters of the applicant's id number"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new String[] {number, digits};
    }

    /** Starts a query; call with the form checked and the rate limits passed. */
    public Uni<Started> start(String intakeNumber, String idLast6) {
        String code = "%06d".formatted(random.nextInt(1_000_000));
        return Panache.withTransaction(() -> intakes.byNumber(intakeNumber).chain(intake -> {
                    boolean matches = intake != null && sameText(last6(intakes.applicantNationalId(intake)), idLast6);
                    Uni<String> phone = !matches ? Uni.createFrom().nullItem() : phoneOf(intake);
                    return phone.chain(to -> {
                        OffsetDateTime now = OffsetDateTime.now(clock);
                        StatusQuery query = new StatusQuery();
                        query.id = UUID.randomUUID();
                        query.intakeId = to == null ? null : intake.id;
                        // a query that matched nothing gets the hash of a code nobody receives, so it is stored and
                        // answered exactly like one that matched
                        query.codeHash = codeHash(query.id, to == null ? "%06d".formatted(random.nextInt(1_000_000)) : code);
                        query.attempts = 0;
                        query.expiresAt = now.plus(config.codeValidity());
                        query.createdAt = now;
                        return Panache.getSession().chain(session -> session.persist(query))
                                .map(ignored -> new Prepared(query, to, code));
                    });
                }))
                .invoke(prepared -> {
                    if (prepared.phone() != null) {
                        // not awaited: the answer must not take longer when something matched
                        sms.send(prepared.phone(), text(prepared.code())).subscribe().with(sent -> { },
                                failure -> LOG.warnf("The code of status query %s was not sent: %s", prepared.query().id,
                                        failure.getMessage()));
                    }
                })
                .map(prepared -> new Started(prepared.query().id, prepared.query().expiresAt, LocalizedText.of(
                        "如受理编号与身份证号后 6 位一致，验证码已发送至申请时登记的手机，5 分钟内有效",
                        "If the intake number and the id digits match, a code was sent to the phone registered with "
                                + "the application; it is valid for 5 minutes")));
    }

    /**
     * The status for the right code: once, within its validity, before the attempts run out. A wrong code counts an
     * attempt (422 with the attempts left); a query used, expired or out of attempts is closed (410); an unknown one 404.
     */
    public Uni<StatusView> verify(UUID queryId, String code) {
        if (code == null || !CODE.matcher(code.strip()).matches()) {
            throw ProblemException.invalid("code", "请填写短信中的 6 位验证码 / the 6-digit code from the text message");
        }
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.find(StatusQuery.class, queryId)
                        .chain(query -> {
                            if (query == null) {
                                throw ProblemException.notFound("No such status query.");
                            }
                            OffsetDateTime now = OffsetDateTime.now(clock);
                            if (query.verifiedAt != null || !now.isBefore(query.expiresAt) || query.attempts >= config.maxAttempts()) {
                                return Uni.createFrom().item(new Checked(null, closed()));
                            }
                            query.attempts += 1;
                            if (query.intakeId == null || !sameText(query.codeHash, codeHash(query.id, code.strip()))) {
                                int left = config.maxAttempts() - query.attempts;
                                return Uni.createFrom().item(new Checked(null, new ProblemException(422, "wrong-code",
                                        "Wrong code", "验证码不正确，还可尝试 %d 次 / the code is wrong; %d attempt(s) left"
                                                .formatted(left, left), null)));
                            }
                            query.verifiedAt = now;
                            return intakes.find(query.intakeId)
                                    .chain(intake -> tracking.build(intake, MaskingPolicy.STATUS_QUERY))
                                    .call(() -> audit.record(session, new AuditLog.Entry("status-query:" + query.id,
                                            "anonymous", "STATUS_QUERY_READ", "INTAKE", query.intakeId.toString(), "ALLOWED",
                                            "one-time code to the applicant's phone")))
                                    .map(status -> new Checked(status, null));
                        })))
                .map(checked -> {
                    if (checked.refusal() != null) {
                        throw checked.refusal();
                    }
                    return checked.status();
                });
    }

    /** Queries older than the retention are of no further use; their audit rows stay. */
    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = StartupChecks.UntilStarted.class)
    Uni<Void> sweep() {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session
                .createMutationQuery("delete from StatusQuery where createdAt < ?1")
                .setParameter(1, OffsetDateTime.now(clock).minus(config.retention()))
                .executeUpdate())).replaceWithVoid();
    }

    private Uni<String> phoneOf(Intake intake) {
        String phone = intakes.applicantPhone(intake);
        return phone != null ? Uni.createFrom().item(phone) : residents.phoneOf(intake.applicantNationalIdHash);
    }

    private static ProblemException closed() {
        return new ProblemException(410, "query-closed", "Query closed",
                "此查询已失效（已使用、超时或尝试次数已用完），请重新查询 / this query is used, expired or out of attempts; start a new one",
                null);
    }

    private String codeHash(UUID queryId, String code) {
        return protector.lookupHash("status-query:" + queryId + ":" + code);
    }

    private static String text(String code) {
        return "【社会救助】您的家人申请进度查询验证码：" + code + "，5分钟内有效。如非本人或家人操作，请忽略。";
    }

    private static String last6(String nationalId) {
        return nationalId == null || nationalId.length() < 6 ? "" : nationalId.substring(nationalId.length() - 6).toUpperCase();
    }

    /** Compares in constant time, so the time of an answer says nothing about how much of a secret matched. */
    private static boolean sameText(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
