package io.onestop.assistance.notify;

import io.onestop.assistance.access.AuditLog;
import io.onestop.assistance.access.PersonalDataProtector;
import io.onestop.assistance.common.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Calls the hotline owes residents: the resident asked to be phoned ("call me back", often the elderly), no channel
 * could push the message, or delivery failed for good. Hotline staff see the open tasks of their region (codes nest:
 * a county sees its townships) and record the outcome. The task carries the message to read out and the intake
 * number; the number to dial is never listed here: staff ask for it task by task through {@link #revealPhone}, which
 * is audited with their reason.
 */
@ApplicationScoped
public class CallbackTaskService {

    public enum Outcome { REACHED, NO_ANSWER, WRONG_NUMBER, DECLINED }

    public record CallbackTask(UUID id, String reason, UUID intakeId, String intakeNumber, String regionCode,
            String title, String body, LocalTime callbackFrom, LocalTime callbackTo, OffsetDateTime createdAt,
            OffsetDateTime completedAt, String outcome, String note) {
    }

    public record Page(List<CallbackTask> items, String next) {
    }

    /** Where the number came from: the application's contact phone, or the resident's own verified phone. */
    public enum PhoneSource { APPLICATION, RESIDENT }

    /** The number to dial for one open task, in clear. */
    public record CallbackPhone(UUID taskId, String phone, PhoneSource source) {
    }

    /** The audit action and object type of a reveal, as for the case file's applicant reveal. */
    static final String REVEAL = "REVEAL_PERSONAL_DATA";
    static final String AGGREGATE = "CALLBACK_TASK";

    private static final String COLUMNS = """
            id, reason, intake_id, intake_number, region_code, title, body, callback_from, callback_to, created_at,
            completed_at, outcome, note""";
    /** Region codes nest (GB/T 2260): a staff member's region covers the tasks of the regions inside it and above. */
    private static final String IN_REGION = "(region_code like $1 || '%' or $1 like region_code || '%')";

    private final Pool pool;
    private final Clock clock;
    private final PersonalDataProtector protector;
    private final AuditLog audit;

    public CallbackTaskService(Pool pool, Clock clock, PersonalDataProtector protector, AuditLog audit) {
        this.pool = pool;
        this.clock = clock;
        this.protector = protector;
        this.audit = audit;
    }

    /**
     * The number to call for an open task of the caller's region, in clear: the same number the delivery worker would
     * text (the phone given on the application, else the resident's verified phone), so staff call the number the
     * resident expects to hear from. Audited as {@value #REVEAL} with the stated reason before it is answered; 422
     * without a reason, 409 for a completed task or when no number is known (nothing revealed, nothing audited), 404
     * outside the region, audited as DENIED with the reason when the task exists (an unknown id is no one's data).
     * Plain statements, no transaction: nothing is written but the audit row, which must stay whatever follows.
     */
    public Uni<CallbackPhone> revealPhone(String regionCode, UUID id, String staff, String role, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 4 || why.length() > 500) {
            return Uni.createFrom().failure(ProblemException.invalid("reason",
                    "请说明需要回拨电话号码的原因 / state why the number is needed (4 to 500 characters)"));
        }
        String region = regionCode == null ? "" : regionCode.strip();
        return pool.preparedQuery("""
                        select t.completed_at, (t.region_code like $1 || '%' or $1 like t.region_code || '%') as in_region,
                               i.applicant_phone_enc, r.phone_enc
                        from callback_task t
                        left join intake i on i.id = t.intake_id
                        left join resident r on t.owner_key = 'resident:' || r.id::text
                        where t.id = $2""")
                .execute(Tuple.of(region, id))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().failure(ProblemException.notFound("No call-back task with this id in your region."));
                    }
                    Row row = rows.iterator().next();
                    if (region.isEmpty() || !Boolean.TRUE.equals(row.getBoolean("in_region"))) {
                        return audit.recordAlone(new AuditLog.Entry(staff, role, REVEAL, AGGREGATE, id.toString(), "DENIED", why))
                                .chain(() -> Uni.createFrom().failure(
                                        ProblemException.notFound("No call-back task with this id in your region.")));
                    }
                    if (row.getOffsetDateTime("completed_at") != null) {
                        return Uni.createFrom().failure(
                                ProblemException.conflict("already-completed", "This call-back task is already completed."));
                    }
                    String fromApplication = row.getString("applicant_phone_enc");
                    String sealed = fromApplication != null ? fromApplication : row.getString("phone_enc");
                    if (sealed == null) {
                        return Uni.createFrom().failure(ProblemException.conflict("no-phone",
                                "No phone number is known for this resident; read the message for other ways to reach them."));
                    }
                    PhoneSource source = fromApplication != null ? PhoneSource.APPLICATION : PhoneSource.RESIDENT;
                    return audit.recordAlone(new AuditLog.Entry(staff, role, REVEAL, AGGREGATE, id.toString(), "OK", why))
                            .map(ignored -> new CallbackPhone(id, protector.decrypt(sealed), source));
                });
    }

    /** Open tasks of the region, oldest first (whoever waited longest is called first); keyset cursor. */
    public Uni<Page> open(String regionCode, String cursor, int size) {
        if (regionCode == null || regionCode.isBlank()) {
            return Uni.createFrom().item(new Page(List.of(), null));
        }
        OffsetDateTime afterTime = null;
        UUID afterId = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                int bar = cursor.indexOf('_');
                afterTime = OffsetDateTime.parse(cursor.substring(0, bar));
                afterId = UUID.fromString(cursor.substring(bar + 1));
            } catch (RuntimeException e) {
                throw ProblemException.invalid("cursor", "is not a cursor this API gave out");
            }
        }
        return pool.preparedQuery("select " + COLUMNS + " from callback_task where completed_at is null and " + IN_REGION
                        + " and ($2::timestamptz is null or (created_at, id) > ($2, $3)) order by created_at, id limit $4")
                .execute(Tuple.from(Arrays.asList(regionCode, afterTime, afterId, size + 1)))
                .map(rows -> {
                    List<CallbackTask> items = new ArrayList<>();
                    for (Row row : rows) {
                        items.add(of(row));
                    }
                    String next = null;
                    if (items.size() > size) {
                        CallbackTask last = items.get(size - 1);
                        next = last.createdAt().toInstant() + "_" + last.id();
                    }
                    return new Page(List.copyOf(items.size() > size ? items.subList(0, size) : items), next);
                });
    }

    /** Records the call; 404 outside the caller's region, 409 when someone already completed it. */
    public Uni<CallbackTask> complete(String regionCode, UUID id, String staff, Outcome outcome, String note) {
        if (regionCode == null || regionCode.isBlank()) {
            return Uni.createFrom().failure(ProblemException.notFound("No call-back task with this id in your region."));
        }
        return pool.preparedQuery("update callback_task set completed_at = $3, completed_by = $4, outcome = $5, note = $6"
                        + " where id = $2 and completed_at is null and " + IN_REGION + " returning " + COLUMNS)
                .execute(Tuple.from(Arrays.asList(regionCode, id, OffsetDateTime.now(clock), staff, outcome.name(),
                        note == null || note.isBlank() ? null : note.strip())))
                .chain(rows -> {
                    if (rows.rowCount() == 1) {
                        return Uni.createFrom().item(of(rows.iterator().next()));
                    }
                    return pool.preparedQuery("select 1 from callback_task where id = $2 and " + IN_REGION)
                            .execute(Tuple.of(regionCode, id))
                            .map(found -> {
                                if (found.rowCount() == 0) {
                                    throw ProblemException.notFound("No call-back task with this id in your region.");
                                }
                                throw ProblemException.conflict("already-completed", "This call-back task is already completed.");
                            });
                });
    }

    private static CallbackTask of(Row row) {
        return new CallbackTask(row.getUUID("id"), row.getString("reason"), row.getUUID("intake_id"),
                row.getString("intake_number"), row.getString("region_code"), row.getString("title"), row.getString("body"),
                row.getLocalTime("callback_from"), row.getLocalTime("callback_to"), row.getOffsetDateTime("created_at"),
                row.getOffsetDateTime("completed_at"), row.getString("outcome"), row.getString("note"));
    }
}
