package io.onestop.assistance.cases;

import io.onestop.assistance.access.StaffScope;
import io.onestop.assistance.cases.workflow.CaseStep;
import io.onestop.assistance.common.ClockProducer;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Figures for the staff dashboard: intakes per day, open cases per step and how many are overdue, within the caller's
 * agency and region (the same scope as the work queue). Counts only, computed in SQL: no name, number or id leaves
 * the database, so reading them is not an access to personal data and is not audited.
 */
@ApplicationScoped
public class CaseStatistics {

    @Schema(name = "CaseStatistics", example = """
            {"from":"2026-11-06","to":"2026-12-05","open":12,"overdue":3,
             "intakesPerDay":[{"date":"2026-12-05","intakes":4}],
             "casesPerStep":[{"step":"SUBMITTED","cases":5,"overdue":2}]}""")
    public record Statistics(
            @Schema(description = "First day counted (China time)") LocalDate from,
            @Schema(description = "Last day counted, today (China time)") LocalDate to,
            @Schema(description = "Unfinished cases in scope") long open,
            @Schema(description = "Unfinished cases past their time limit") long overdue,
            @Schema(description = "Every day from `from` to `to`, zeros included: intakes with at least one case in scope")
            List<DayCount> intakesPerDay,
            @Schema(description = "Every unfinished step in workflow order, zeros included") List<StepCount> casesPerStep) {
    }

    public record DayCount(LocalDate date, long intakes) {
    }

    public record StepCount(CaseStep step, long cases, long overdue) {
    }

    /** The SQL form of {@link StaffScope#covers}: agency $1, region $2 (codes nest both ways). */
    private static final String IN_SCOPE =
            "c.agency = $1 and (c.region_code like $2 || '%' or $2 like c.region_code || '%')";

    private final Pool pool;
    private final Clock clock;

    public CaseStatistics(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /** The last {@code days} days including today; a token without agency or region sees zeros, like its queue. */
    public Uni<Statistics> of(StaffScope scope, int days) {
        LocalDate to = LocalDate.now(clock.withZone(ClockProducer.CHINA));
        LocalDate from = to.minusDays(days - 1L);
        if (scope.agency() == null || scope.regionCode() == null) {
            return Uni.createFrom().item(assemble(from, to, Map.of(), Map.of(), Map.of()));
        }
        OffsetDateTime start = from.atStartOfDay(ClockProducer.CHINA).toOffsetDateTime();
        OffsetDateTime now = OffsetDateTime.now(clock);
        String[] terminal = CaseStep.TERMINAL.stream().map(Enum::name).toArray(String[]::new);
        Uni<Map<LocalDate, Long>> perDay = pool.preparedQuery("""
                        select (i.submitted_at at time zone 'Asia/Shanghai')::date as day, count(distinct i.id) as n
                        from program_case c join intake i on i.id = c.intake_id
                        where %s and i.submitted_at >= $3
                        group by day""".formatted(IN_SCOPE))
                .execute(Tuple.of(scope.agency(), scope.regionCode(), start))
                .map(rows -> {
                    Map<LocalDate, Long> counts = new HashMap<>();
                    for (Row row : rows) {
                        counts.put(row.getLocalDate("day"), row.getLong("n"));
                    }
                    return counts;
                });
        Uni<List<Row>> perStep = pool.preparedQuery("""
                        select c.status, count(*) as n, count(*) filter (where c.due_at < $3) as late
                        from program_case c
                        where %s and c.status <> all($4)
                        group by c.status""".formatted(IN_SCOPE))
                .execute(Tuple.from(Arrays.asList(scope.agency(), scope.regionCode(), now, terminal)))
                .map(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return list;
                });
        return Uni.combine().all().unis(perDay, perStep).asTuple().map(both -> {
            Map<CaseStep, Long> cases = new EnumMap<>(CaseStep.class);
            Map<CaseStep, Long> late = new EnumMap<>(CaseStep.class);
            for (Row row : both.getItem2()) {
                CaseStep step = CaseStep.valueOf(row.getString("status"));
                cases.put(step, row.getLong("n"));
                late.put(step, row.getLong("late"));
            }
            return assemble(from, to, both.getItem1(), cases, late);
        });
    }

    private static Statistics assemble(LocalDate from, LocalDate to, Map<LocalDate, Long> perDay,
            Map<CaseStep, Long> cases, Map<CaseStep, Long> late) {
        List<DayCount> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(new DayCount(day, perDay.getOrDefault(day, 0L)));
        }
        List<StepCount> steps = Arrays.stream(CaseStep.values()).filter(s -> !CaseStep.TERMINAL.contains(s))
                .map(s -> new StepCount(s, cases.getOrDefault(s, 0L), late.getOrDefault(s, 0L))).toList();
        long open = steps.stream().mapToLong(StepCount::cases).sum();
        long overdue = steps.stream().mapToLong(StepCount::overdue).sum();
        return new Statistics(from, to, open, overdue, days, steps);
    }
}
