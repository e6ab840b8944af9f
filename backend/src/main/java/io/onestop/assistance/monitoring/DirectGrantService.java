package io.onestop.assistance.monitoring;

import io.onestop.assistance.access.AuditLog;
import io.onestop.assistance.access.NationalId;
import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.access.ResidentService;
import io.onestop.assistance.access.StaffScope;
import io.onestop.assistance.common.FieldProblem;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.monitoring.api.MonitoringViews.DirectGrantRequest;
import io.onestop.assistance.monitoring.api.MonitoringViews.DirectGrantView;
import io.onestop.assistance.monitoring.api.MonitoringViews.PersonView;
import io.onestop.assistance.notify.OutboxWriter;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.parameters.ParameterCatalog;
import io.onestop.assistance.programs.parameters.ParameterSet;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Grants that need no application (免申即享): staff start them from data the state already holds, and the resident
 * is told. Only programs whose one condition can be read from that data qualify: the old-age allowance, whose
 * condition is the age in the national id (programs-spec.md 13; bands from the county's parameters). One grant per
 * person and program (409 for a second).
 */
@ApplicationScoped
public class DirectGrantService {

    static final Set<Program> DIRECT = Set.of(Program.OLD_AGE_ALLOWANCE);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ResidentService residents;
    private final ParameterCatalog parameters;
    private final OutboxWriter outbox;
    private final PersonalDataProtector protector;
    private final AuditLog audit;
    private final MonitoringConfig config;
    private final Clock clock;

    public DirectGrantService(ResidentService residents, ParameterCatalog parameters, OutboxWriter outbox,
            PersonalDataProtector protector, AuditLog audit, MonitoringConfig config, Clock clock) {
        this.residents = residents;
        this.parameters = parameters;
        this.outbox = outbox;
        this.protector = protector;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<DirectGrantView> start(StaffScope scope, String subject, DirectGrantRequest request) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        List<FieldProblem> problems = new ArrayList<>();
        if (request == null || request.program() == null || !DIRECT.contains(request.program())) {
            problems.add(new FieldProblem("program", "只有高龄津贴可以免申即享 / only OLD_AGE_ALLOWANCE can be granted without an application"));
        }
        String nationalId = request == null ? null : NationalId.normalize(request.nationalId());
        if (!NationalId.isValid(nationalId)) {
            problems.add(new FieldProblem("nationalId", "身份证号无效 / not a valid 18-character national id number"));
        }
        if (request == null || request.name() == null || request.name().isBlank() || request.name().strip().length() > 50) {
            problems.add(new FieldProblem("name", "需要姓名 / the name as on the id card is required"));
        }
        String region = request == null ? null : request.regionCode();
        if (region == null || !region.matches("\\d{6}(\\d{3}){0,2}") || !parameters.regionCodes().contains(region.substring(0, 6))) {
            problems.add(new FieldProblem("regionCode", "需要已开通地区的行政区划代码 / a 6, 9 or 12 digit code of a region with parameters"));
        } else if (!scope.covers(config.agency(), region)) {
            problems.add(new FieldProblem("regionCode", "不在您负责的地区 / outside your region"));
        }
        LocalDate startsOn = request == null || request.startsOn() == null ? today : request.startsOn();
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        ParameterSet set = parameters.parametersFor(region.substring(0, 6), startsOn);
        int age = WarningService.age(nationalId, startsOn);
        BigDecimal amount = set.oldAgeAllowance(age);
        if (amount == null) {
            throw ProblemException.invalid("nationalId", "按身份证上的出生日期，此人在 " + startsOn + " 未满 " + set.advancedAge()
                    + " 周岁 / by the birth date in the id, the person is under " + set.advancedAge() + " on " + startsOn);
        }
        String hash = protector.lookupHash(nationalId);
        Program program = request.program();
        return Panache.getSession().chain(session -> session
                .createQuery("select count(*) from DirectGrant where nationalIdHash = ?1 and program = ?2", Long.class)
                .setParameter(1, hash).setParameter(2, program.name()).getSingleResult()
                .chain(existing -> {
                    if (existing > 0) {
                        throw ProblemException.conflict("already-granted", "此人已在享受该项目 / this grant was already started for the person");
                    }
                    return residents.findByNationalIdHash(hash).chain(found -> found != null ? Uni.createFrom().item(found)
                            : residents.register(session, nationalId, request.name().strip()));
                })
                .chain(resident -> {
                    DirectGrant grant = new DirectGrant();
                    grant.id = UUID.randomUUID();
                    grant.program = program.name();
                    grant.residentId = resident.id;
                    grant.nationalIdHash = hash;
                    grant.regionCode = region;
                    grant.amount = amount;
                    grant.period = program.estimatePeriod().name();
                    grant.startsOn = startsOn;
                    grant.parameterVersion = set.version();
                    grant.startedBy = subject;
                    grant.startedAt = OffsetDateTime.now(clock);
                    return session.persist(grant).call(session::flush)
                            .call(() -> outbox.append(session, "RESIDENT", resident.id, "DIRECT_GRANT_STARTED", Map.of(
                                    "grantId", grant.id.toString(), "program", program.name(), "regionCode", region,
                                    "amount", amount, "period", grant.period, "startsOn", startsOn.toString())))
                            .call(() -> audit.record(session, new AuditLog.Entry(subject, WarningService.ROLE,
                                    "MONITORING_DIRECT_GRANT", "DIRECT_GRANT", grant.id.toString(), "OK", program.name())))
                            .map(ignored -> new DirectGrantView(grant.id, program, region,
                                    new PersonView(WarningService.maskName(resident.name), NationalId.mask(nationalId), age),
                                    amount, grant.period, startsOn, grant.parameterVersion, grant.startedAt));
                }));
    }
}
