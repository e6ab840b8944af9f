package io.onestop.assistance.notify;

import io.onestop.assistance.common.FieldProblem;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a resident wants to hear of their applications, stored under the owner key (so the web and mini-program
 * logins of one person share it). The inbox always gets every message; {@code channels} are the push channels in
 * the order to try (empty: inbox only); {@code callMeBack} asks the hotline to phone, in the given hours.
 */
@ApplicationScoped
public class PreferenceService {

    @Schema(name = "NotificationPreferences", example = """
            {"channels": ["MINIPROGRAM", "SMS"], "callMeBack": true, "callbackFrom": "09:00", "callbackTo": "11:30"}""")
    public record Preferences(List<Channel> channels, boolean callMeBack, LocalTime callbackFrom, LocalTime callbackTo) {
    }

    /** What a resident who never chose gets: the free push channel first, then SMS, no call. */
    public static final Preferences DEFAULT = new Preferences(Channel.DEFAULT_PUSH, false, null, null);

    private final Pool pool;
    private final Clock clock;

    public PreferenceService(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    public Uni<Preferences> get(String ownerKey) {
        return pool.preparedQuery("""
                        select channels, call_me_back, callback_from, callback_to from notification_preference
                        where owner_key = $1""")
                .execute(Tuple.of(ownerKey))
                .map(rows -> rows.rowCount() == 0 ? DEFAULT : of(rows.iterator().next()));
    }

    public Uni<Preferences> put(String ownerKey, Preferences requested) {
        Preferences preferences = validated(requested);
        return pool.preparedQuery("""
                        insert into notification_preference (owner_key, channels, call_me_back, callback_from, callback_to, updated_at)
                        values ($1, $2, $3, $4, $5, $6)
                        on conflict (owner_key) do update set channels = excluded.channels,
                          call_me_back = excluded.call_me_back, callback_from = excluded.callback_from,
                          callback_to = excluded.callback_to, updated_at = excluded.updated_at""")
                .execute(Tuple.from(Arrays.asList(ownerKey,
                        preferences.channels().stream().map(Enum::name).toArray(String[]::new),
                        preferences.callMeBack(), preferences.callbackFrom(), preferences.callbackTo(),
                        OffsetDateTime.now(clock))))
                .replaceWith(preferences);
    }

    static Preferences validated(Preferences requested) {
        if (requested == null) {
            throw ProblemException.badRequest("The body must be the preferences.");
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<Channel> channels = requested.channels() == null ? List.of() : requested.channels();
        if (requested.channels() == null) {
            // required, so that an empty or foreign body cannot silently switch every push channel off
            problems.add(new FieldProblem("channels", "required: the push channels in order; [] means the inbox only"));
        } else if (channels.stream().anyMatch(java.util.Objects::isNull)) { // List.contains(null) throws on immutable lists
            problems.add(new FieldProblem("channels", "must name channels (SMS, MINIPROGRAM)"));
        } else if (channels.contains(Channel.INBOX)) {
            problems.add(new FieldProblem("channels", "INBOX always gets every message; list only SMS and MINIPROGRAM"));
        } else if (channels.stream().distinct().count() != channels.size()) {
            problems.add(new FieldProblem("channels", "must not repeat a channel"));
        }
        LocalTime from = requested.callbackFrom();
        LocalTime to = requested.callbackTo();
        if ((from == null) != (to == null)) {
            problems.add(new FieldProblem(from == null ? "callbackFrom" : "callbackTo",
                    "give both ends of the hours to call, or neither"));
        } else if (from != null && !from.isBefore(to)) {
            problems.add(new FieldProblem("callbackTo", "must be after callbackFrom"));
        } else if (from != null && !requested.callMeBack()) {
            problems.add(new FieldProblem("callMeBack", "hours to call are only for callMeBack: true"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new Preferences(List.copyOf(channels), requested.callMeBack(), from, to);
    }

    private static Preferences of(Row row) {
        return new Preferences(Arrays.stream(row.getArrayOfStrings("channels")).map(Channel::valueOf).toList(),
                row.getBoolean("call_me_back"), row.getLocalTime("callback_from"), row.getLocalTime("callback_to"));
    }
}
