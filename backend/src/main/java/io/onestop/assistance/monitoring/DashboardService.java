package io.onestop.assistance.monitoring;

import io.onestop.assistance.access.StaffScope;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.intake.Intake;
import io.onestop.assistance.intake.IntakeLookup;
import io.onestop.assistance.intake.ProgramCase;
import io.onestop.assistance.monitoring.api.MonitoringViews.Dashboard;
import io.onestop.assistance.monitoring.api.MonitoringViews.Figures;
import io.onestop.assistance.monitoring.api.MonitoringViews.RegionFigures;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The closed loop per region (闭环): signals in, warnings by level, households invited, those who applied (an
 * intake of the invited person submitted on or after the invitation) and those helped (a case of such an intake
 * approved), plus direct grants. Counts only; no person appears. Scoped like the warning queue.
 */
@ApplicationScoped
public class DashboardService {

    /** Case statuses that mean the household got the help. */
    private static final Set<String> HELPED = Set.of("APPROVED", "PAYING");
    /** The rows of the caller's region (codes nest both ways, as StaffScope) within the requested region, if any. */
    private static final String IN_SCOPE = "(region_code like :region || '%' or :region like region_code || '%')"
            + " and region_code like :filter || '%'";

    private final IntakeLookup intakes;
    private final MonitoringConfig config;

    public DashboardService(IntakeLookup intakes, MonitoringConfig config) {
        this.intakes = intakes;
        this.config = config;
    }

    /** Mutable counters of one region. */
    private static final class Counts {
        long signals;
        final Map<WarningLevel, Long> warnings = new EnumMap<>(WarningLevel.class);
        long invited;
        long applied;
        long helped;
        long directGrants;

        Counts() {
            for (WarningLevel level : WarningLevel.values()) {
                warnings.put(level, 0L);
            }
        }

        void add(Counts other) {
            signals += other.signals;
            other.warnings.forEach((level, n) -> warnings.merge(level, n, Long::sum));
            invited += other.invited;
            applied += other.applied;
            helped += other.helped;
            directGrants += other.directGrants;
        }

        Figures figures() {
            return new Figures(signals, Map.copyOf(warnings), invited, applied, helped, directGrants);
        }
    }

    @WithSession
    public Uni<Dashboard> dashboard(StaffScope scope, String region) {
        if (region != null && !region.isBlank() && (!region.matches("\\d{6}(\\d{3}){0,2}") || !scope.covers(config.agency(), region))) {
            throw ProblemException.invalid("region", "不在您负责的地区 / not a region code within your scope");
        }
        String filter = region == null || region.isBlank() ? "" : region;
        if (scope.regionCode() == null || !config.agency().equals(scope.agency())) {
            return Uni.createFrom().item(new Dashboard(filter, new Counts().figures(), List.of()));
        }
        Map<String, Counts> byRegion = new TreeMap<>();
        return Panache.getSession().chain(session -> rows(session,
                        "select region_code, count(*) from monitoring_signal where " + where() + " group by region_code", scope, filter)
                .invoke(rows -> rows.forEach(r -> counts(byRegion, r).signals = ((Number) r[1]).longValue()))
                .chain(() -> rows(session, "select region_code, count(*), level from monitoring_warning where " + where()
                        + " group by region_code, level", scope, filter))
                .invoke(rows -> rows.forEach(r -> counts(byRegion, r).warnings.put(WarningLevel.valueOf(r[2].toString()),
                        ((Number) r[1]).longValue())))
                .chain(() -> rows(session, "select region_code, count(*) from monitoring_direct_grant where " + where()
                        + " group by region_code", scope, filter))
                .invoke(rows -> rows.forEach(r -> counts(byRegion, r).directGrants = ((Number) r[1]).longValue()))
                .chain(() -> rows(session, "select region_code, national_id_hash, invited_at from monitoring_invitation where "
                        + where(), scope, filter))
                .chain(invitations -> loop(invitations, byRegion)))
                .map(ignored -> {
                    Counts totals = new Counts();
                    byRegion.values().forEach(totals::add);
                    return new Dashboard(filter, totals.figures(), byRegion.entrySet().stream()
                            .map(e -> new RegionFigures(e.getKey(), e.getValue().figures())).toList());
                });
    }

    /** Invited, applied and helped, from the intakes of the invited people (through the intake context). */
    private Uni<Void> loop(List<Object[]> invitations, Map<String, Counts> byRegion) {
        List<String> hashes = invitations.stream().map(r -> r[1].toString().strip()).distinct().toList();
        return intakes.byApplicants(hashes).chain(list -> intakes.casesOf(list.stream().map(i -> i.id).toList()).map(cases -> {
            Map<UUID, List<ProgramCase>> casesByIntake = cases.stream().collect(Collectors.groupingBy(c -> c.intakeId));
            Map<String, List<Intake>> intakesByPerson = list.stream().collect(Collectors.groupingBy(i -> i.applicantNationalIdHash.strip()));
            for (Object[] r : invitations) {
                Counts counts = counts(byRegion, r);
                counts.invited++;
                OffsetDateTime invitedAt = time(r[2]);
                List<Intake> after = intakesByPerson.getOrDefault(r[1].toString().strip(), List.of()).stream()
                        .filter(i -> !i.submittedAt.isBefore(invitedAt)).toList();
                if (!after.isEmpty()) {
                    counts.applied++;
                    if (after.stream().anyMatch(i -> casesByIntake.getOrDefault(i.id, List.of()).stream()
                            .anyMatch(c -> HELPED.contains(c.status)))) {
                        counts.helped++;
                    }
                }
            }
            return null;
        })).replaceWithVoid();
    }

    private static String where() {
        return IN_SCOPE;
    }

    private static OffsetDateTime time(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant().atOffset(java.time.ZoneOffset.UTC);
        }
        if (value instanceof java.time.ZonedDateTime zoned) {
            return zoned.toOffsetDateTime();
        }
        throw new IllegalStateException("Unexpected time type " + value.getClass().getSimpleName());
    }

    private static Counts counts(Map<String, Counts> byRegion, Object[] row) {
        return byRegion.computeIfAbsent((String) row[0], key -> new Counts());
    }

    @SuppressWarnings("unchecked")
    private static Uni<List<Object[]>> rows(org.hibernate.reactive.mutiny.Mutiny.Session session, String sql, StaffScope scope,
            String filter) {
        return session.createNativeQuery(sql, Object[].class)
                .setParameter("region", scope.regionCode()).setParameter("filter", filter)
                .getResultList();
    }
}
