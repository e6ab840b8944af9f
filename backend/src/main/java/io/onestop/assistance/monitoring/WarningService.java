package io.onestop.assistance.monitoring;

import io.onestop.assistance.access.AuditLog;
import io.onestop.assistance.access.NationalId;
import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.access.StaffScope;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.intake.IntakeLookup;
import io.onestop.assistance.monitoring.api.MonitoringViews.PersonView;
import io.onestop.assistance.monitoring.api.MonitoringViews.SignalView;
import io.onestop.assistance.monitoring.api.MonitoringViews.VisitRequest;
import io.onestop.assistance.monitoring.api.MonitoringViews.VisitView;
import io.onestop.assistance.monitoring.api.MonitoringViews.WarningDetail;
import io.onestop.assistance.monitoring.api.MonitoringViews.WarningPage;
import io.onestop.assistance.monitoring.api.MonitoringViews.WarningSummary;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.parameters.ParameterCatalog;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Warnings: raised by the rules from signals, and the caseworker queue of the person's region (codes nest as in
 * {@link StaffScope}: a township caseworker sees its township and the county-level warnings; another region sees
 * nothing and gets 404). Every read of a person's data is audited: one row per queue page, one per warning opened.
 */
@ApplicationScoped
public class WarningService {

    static final String ROLE = "caseworker";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String NOT_FOUND = "No such warning in your region.";

    private final IntakeLookup intakes;
    private final ParameterCatalog parameters;
    private final PersonalDataProtector protector;
    private final AuditLog audit;
    private final MonitoringConfig config;
    private final Clock clock;

    public WarningService(IntakeLookup intakes, ParameterCatalog parameters, PersonalDataProtector protector,
            AuditLog audit, MonitoringConfig config, Clock clock) {
        this.intakes = intakes;
        this.parameters = parameters;
        this.protector = protector;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /** What is known of the person with this national id hash. Call inside a session. */
    public Uni<PersonFacts> facts(String nationalIdHash) {
        return intakes.byApplicant(nationalIdHash).chain(list -> list.isEmpty() ? Uni.createFrom().item(PersonFacts.none())
                : intakes.casesOf(list.stream().map(i -> i.id).toList()).map(cases -> PersonFacts.of(list, cases)));
    }

    /** Whether the person asked not to be contacted and that is still in force. Call inside a session. */
    public Uni<Boolean> optedOut(Mutiny.Session session, String nationalIdHash) {
        return session.createNativeQuery("select count(*) from monitoring_opt_out where national_id_hash = ?1 and opted_out_until > ?2",
                        Long.class)
                .setParameter(1, nationalIdHash).setParameter(2, OffsetDateTime.now(clock))
                .getSingleResult().map(n -> n > 0);
    }

    /**
     * Runs the rules over one stored signal, in the caller's transaction; answers how many warnings it raised now (0
     * when it raised them before: one warning per signal and rule, whatever the number of runs). A person who opted
     * out gets none.
     */
    public Uni<Integer> evaluate(Mutiny.Session session, Signal signal) {
        return optedOut(session, signal.nationalIdHash).chain(out -> {
            if (out) {
                return Uni.createFrom().item(0);
            }
            return facts(signal.nationalIdHash).chain(facts -> {
                LocalDate today = LocalDate.now(clock.withZone(CHINA));
                var outcome = WarningRules.evaluate(signal, facts,
                        parameters.parametersFor(signal.regionCode.substring(0, 6), today),
                        config.rulesFor(signal.regionCode));
                if (outcome.isEmpty()) {
                    return Uni.createFrom().item(0);
                }
                WarningLevel level = outcome.get().level();
                return session.createNativeQuery("""
                                insert into monitoring_warning (id, signal_id, rule, level, level_rank, reason_zh,
                                  national_id_hash, region_code, agency, status, created_at, version)
                                values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 'OPEN', ?10, 0)
                                on conflict (signal_id, rule) do nothing""")
                        .setParameter(1, UUID.randomUUID()).setParameter(2, signal.id)
                        .setParameter(3, outcome.get().rule()).setParameter(4, level.name())
                        .setParameter(5, level.rank()).setParameter(6, outcome.get().reasonZh())
                        .setParameter(7, signal.nationalIdHash).setParameter(8, signal.regionCode)
                        .setParameter(9, config.agency()).setParameter(10, OffsetDateTime.now(clock))
                        .executeUpdate();
            });
        });
    }

    /** The open warnings of the caller's region: highest level first, then the oldest; keyset cursor. Audited. */
    @WithTransaction
    public Uni<WarningPage> queue(StaffScope scope, String subject, int limit, String cursor) {
        if (scope.regionCode() == null || !config.agency().equals(scope.agency())) {
            return Uni.createFrom().item(new WarningPage(List.of(), null));
        }
        Cursor after = Cursor.parse(cursor);
        String keyset = after == null ? "" : " and (w.levelRank < :rank or (w.levelRank = :rank and (w.createdAt > :time"
                + " or (w.createdAt = :time and w.id > :id))))";
        return Panache.getSession().chain(session -> {
            var query = session.createQuery("from Warning w where w.status in :open and "
                            + StaffScope.JPQL_CONDITION.replace("c.", "w.") + keyset
                            + " order by w.levelRank desc, w.createdAt, w.id", Warning.class)
                    .setParameter("open", List.of(Warning.Status.OPEN, Warning.Status.VISITED))
                    .setParameter("agency", scope.agency()).setParameter("region", scope.regionCode())
                    .setMaxResults(limit + 1);
            if (after != null) {
                query.setParameter("rank", after.rank()).setParameter("time", after.time()).setParameter("id", after.id());
            }
            return query.getResultList().chain(fetched -> {
                List<Warning> items = fetched.size() > limit ? fetched.subList(0, limit) : fetched;
                String next = fetched.size() > limit ? Cursor.after(items.get(limit - 1)) : null;
                return signals(session, items.stream().map(w -> w.signalId).toList())
                        .map(signals -> new WarningPage(items.stream().map(w -> summary(w, signals.get(w.signalId))).toList(), next))
                        .call(page -> audit.record(session, new AuditLog.Entry(subject, ROLE, "MONITORING_WARNING_LIST",
                                "WARNING_QUEUE", scope.regionCode(), "OK", "items=" + page.items().size())));
            });
        });
    }

    /** One warning of the caller's region with the signal, what is known of the person and the visits. Audited. */
    @WithTransaction
    public Uni<WarningDetail> detail(StaffScope scope, String subject, UUID id) {
        return Panache.getSession().chain(session -> inScope(session, scope, subject, id, "MONITORING_WARNING_VIEW")
                .call(w -> audit.record(session, new AuditLog.Entry(subject, ROLE, "MONITORING_WARNING_VIEW", "WARNING",
                        w.id.toString(), "OK", null)))
                .chain(w -> detail(session, w)));
    }

    /** Records a home visit; the warning stays in the queue (VISITED) until dismissed or invited. */
    @WithTransaction
    public Uni<WarningDetail> visit(StaffScope scope, String subject, UUID id, VisitRequest request) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        if (request == null || request.outcome() == null) {
            throw ProblemException.invalid("outcome", "需要走访结果 / the outcome is required: IN_DIFFICULTY, NOT_IN_DIFFICULTY, NOT_AT_HOME, MOVED_AWAY");
        }
        if (request.visitedOn() == null || request.visitedOn().isAfter(today)) {
            throw ProblemException.invalid("visitedOn", "需要走访日期，不能晚于今天 / the visit date is required and not after today");
        }
        if (request.note() != null && request.note().length() > 1000) {
            throw ProblemException.invalid("note", "最多 1000 字 / at most 1000 characters");
        }
        return Panache.getSession().chain(session -> inScope(session, scope, subject, id, "MONITORING_VISIT_RECORD").chain(w -> {
            requireOpen(w);
            Visit visit = new Visit();
            visit.id = UUID.randomUUID();
            visit.warningId = w.id;
            visit.visitedOn = request.visitedOn();
            visit.outcome = request.outcome().name();
            visit.note = request.note() == null || request.note().isBlank() ? null : request.note().strip();
            visit.visitedBy = subject;
            visit.recordedAt = OffsetDateTime.now(clock);
            w.status = Warning.Status.VISITED;
            return session.persist(visit).call(session::flush)
                    .call(() -> audit.record(session, new AuditLog.Entry(subject, ROLE, "MONITORING_VISIT_RECORD", "WARNING",
                            w.id.toString(), request.outcome().name(), null)))
                    .chain(() -> detail(session, w));
        }));
    }

    /** Dismisses a warning with the caseworker's reason (e.g. the visit found no difficulty). */
    @WithTransaction
    public Uni<WarningDetail> dismiss(StaffScope scope, String subject, UUID id, String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw ProblemException.invalid("reason", "需要说明理由（最多 500 字） / a reason of at most 500 characters is required");
        }
        return Panache.getSession().chain(session -> inScope(session, scope, subject, id, "MONITORING_WARNING_DISMISS").chain(w -> {
            requireOpen(w);
            w.status = Warning.Status.DISMISSED;
            w.dismissReason = reason.strip();
            w.closedAt = OffsetDateTime.now(clock);
            w.closedBy = subject;
            return session.flush()
                    .call(() -> audit.record(session, new AuditLog.Entry(subject, ROLE, "MONITORING_WARNING_DISMISS", "WARNING",
                            w.id.toString(), "OK", null)))
                    .chain(() -> detail(session, w));
        }));
    }

    /**
     * The warning when it lies in the caller's region; 404 otherwise, as for one that does not exist. One that exists
     * outside the region is a denial of {@code action}, audited in a transaction of its own (this one rolls back with
     * the 404); call it before any audit row of this transaction takes the chain's lock. An unknown id leaves no row.
     */
    Uni<Warning> inScope(Mutiny.Session session, StaffScope scope, String subject, UUID id, String action) {
        return session.find(Warning.class, id).chain(w -> {
            if (w != null && scope.covers(w.agency, w.regionCode)) {
                return Uni.createFrom().item(w);
            }
            Uni<Void> denial = w == null ? Uni.createFrom().voidItem() : audit.recordAlone(new AuditLog.Entry(subject, ROLE,
                    action, "WARNING", id.toString(), "DENIED", null));
            return denial.chain(() -> Uni.createFrom().<Warning>failure(ProblemException.notFound(NOT_FOUND)));
        });
    }

    static void requireOpen(Warning w) {
        if (!w.isOpen()) {
            throw ProblemException.conflict("warning-closed", "This warning was already " + w.status.name().toLowerCase()
                    + "; it is no longer in the queue.");
        }
    }

    Uni<WarningDetail> detail(Mutiny.Session session, Warning w) {
        return session.find(Signal.class, w.signalId).chain(signal -> facts(w.nationalIdHash).chain(facts -> session
                .createQuery("from Visit where warningId = ?1 order by recordedAt", Visit.class).setParameter(1, w.id)
                .getResultList()
                .chain(visits -> session.createQuery("select i.id from Invitation i where i.warningId = ?1", UUID.class)
                        .setParameter(1, w.id).getResultList()
                        .map(invitation -> new WarningDetail(w.id, w.level, w.rule, w.reasonZh, w.status, w.regionCode,
                                w.createdAt, person(signal, false), signalView(signal),
                                facts.activePrograms().stream().sorted().toList(), facts.pastIntakes(), facts.hasActiveIntake(),
                                visits.stream().map(v -> new VisitView(v.id, v.visitedOn, Visit.Outcome.valueOf(v.outcome),
                                        v.note, v.recordedAt)).toList(),
                                w.dismissReason, invitation.isEmpty() ? null : invitation.get(0), w.version)))));
    }

    Uni<Map<UUID, Signal>> signals(Mutiny.Session session, List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return session.createQuery("from Signal where id in ?1", Signal.class).setParameter(1, ids).getResultList()
                .map(list -> list.stream().collect(Collectors.toMap(s -> s.id, Function.identity())));
    }

    private WarningSummary summary(Warning w, Signal signal) {
        return new WarningSummary(w.id, w.level, w.rule, signal.type, w.regionCode, w.reasonZh, person(signal, true),
                w.status, w.createdAt);
    }

    /** The person of a signal: id masked always; the name masked in lists, in full on the opened warning (for the visit). */
    PersonView person(Signal signal, boolean maskName) {
        String nationalId = protector.decrypt(signal.nationalIdEncrypted);
        return new PersonView(maskName ? maskName(signal.personName) : signal.personName, NationalId.mask(nationalId),
                age(nationalId, LocalDate.now(clock.withZone(CHINA))));
    }

    static SignalView signalView(Signal s) {
        return new SignalView(s.source, s.signalKey, s.type, s.type.localizedName(), s.occurredOn, s.amount,
                s.disabilityGrade, s.program == null ? null : Program.valueOf(s.program), s.receivedAt);
    }

    /** Age in whole years from the birth date in the id (GB 11643: characters 7-14). */
    static Integer age(String nationalId, LocalDate on) {
        try {
            return Period.between(birthDate(nationalId), on).getYears();
        } catch (RuntimeException e) {
            return null;
        }
    }

    static LocalDate birthDate(String nationalId) {
        return LocalDate.parse(nationalId.substring(6, 14), DateTimeFormatter.BASIC_ISO_DATE);
    }

    static String maskName(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty()) {
            return "*";
        }
        int first = trimmed.offsetByCodePoints(0, 1);
        return trimmed.substring(0, first) + "*".repeat(Math.max(1, trimmed.codePointCount(first, trimmed.length())));
    }

    /** The queue's keyset: level rank, creation time, id; opaque base64url for clients. */
    record Cursor(int rank, OffsetDateTime time, UUID id) {

        static Cursor parse(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split("\\|");
                return new Cursor(Integer.parseInt(parts[0]), Instant.parse(parts[1]).atOffset(ZoneOffset.UTC),
                        UUID.fromString(parts[2]));
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "is not a cursor of this list; start again without it");
            }
        }

        static String after(Warning w) {
            String last = w.levelRank + "|" + w.createdAt.toInstant() + "|" + w.id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8));
        }
    }
}
