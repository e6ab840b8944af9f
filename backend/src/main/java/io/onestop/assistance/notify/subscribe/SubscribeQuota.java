package io.onestop.assistance.notify.subscribe;

import io.onestop.assistance.access.PersonalDataProtector;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The acceptances of subscribe-message templates: one message per acceptance, to the openid that accepted. Every
 * change is one statement on the pool (no transaction is held while the gateway is called), and taking a unit is a
 * single {@code UPDATE ... WHERE remaining > 0 RETURNING}, so two workers can never spend one acceptance twice.
 */
@ApplicationScoped
public class SubscribeQuota {

    /** What a template has left for the owner. */
    public record Remaining(String templateId, int remaining) {
    }

    /** A unit taken: the openid to send to (clear, in memory only) and its hash, to give the unit back. */
    public record Taken(String openid, String openidHash) {
    }

    private final Pool pool;
    private final PersonalDataProtector protector;
    private final Clock clock;

    public SubscribeQuota(Pool pool, PersonalDataProtector protector, Clock clock) {
        this.pool = pool;
        this.protector = protector;
        this.clock = clock;
    }

    /**
     * The resident accepted one message of each template. Acceptances belong to the openid that gave them, so an
     * acceptance from another mini-program account replaces the count instead of adding to it.
     */
    public Uni<List<Remaining>> accept(String ownerKey, String openid, List<String> templateIds) {
        return pool.preparedQuery("""
                        insert into subscribe_acceptance (owner_key, template_id, openid_enc, openid_hash, remaining, updated_at)
                        select $1, t, $2, $3, 1, $4 from unnest($5::varchar[]) as t
                        on conflict (owner_key, template_id) do update set
                          remaining = case when subscribe_acceptance.openid_hash = excluded.openid_hash
                                           then subscribe_acceptance.remaining + 1 else 1 end,
                          openid_enc = excluded.openid_enc, openid_hash = excluded.openid_hash,
                          updated_at = excluded.updated_at""")
                .execute(Tuple.of(ownerKey, protector.encrypt(openid), protector.lookupHash(openid),
                        OffsetDateTime.now(clock), templateIds.stream().distinct().toArray(String[]::new)))
                .chain(() -> list(ownerKey));
    }

    public Uni<List<Remaining>> list(String ownerKey) {
        return pool.preparedQuery("select template_id, remaining from subscribe_acceptance where owner_key = $1 order by template_id")
                .execute(Tuple.of(ownerKey))
                .map(rows -> {
                    List<Remaining> all = new ArrayList<>();
                    for (Row row : rows) {
                        all.add(new Remaining(row.getString("template_id"), row.getInteger("remaining")));
                    }
                    return all;
                });
    }

    /** Takes one unit, atomically; empty when none is left (or the resident never accepted). */
    public Uni<Optional<Taken>> take(String ownerKey, String templateId) {
        return pool.preparedQuery("""
                        update subscribe_acceptance set remaining = remaining - 1, updated_at = $3
                        where owner_key = $1 and template_id = $2 and remaining > 0
                        returning openid_enc, openid_hash""")
                .execute(Tuple.of(ownerKey, templateId, OffsetDateTime.now(clock)))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new Taken(protector.decrypt(row.getString("openid_enc")), row.getString("openid_hash")));
                });
    }

    /** The send did not happen (the platform was busy, the gateway unreachable): the unit is still the resident's. */
    public Uni<Void> giveBack(String ownerKey, String templateId, String openidHash) {
        return pool.preparedQuery("""
                        update subscribe_acceptance set remaining = remaining + 1
                        where owner_key = $1 and template_id = $2 and openid_hash = $3""")
                .execute(Tuple.of(ownerKey, templateId, openidHash)).replaceWithVoid();
    }

    /** The platform says this openid has no acceptance left (43101): our count was wrong, nothing is left. */
    public Uni<Void> usedUp(String ownerKey, String templateId, String openidHash) {
        return pool.preparedQuery("""
                        update subscribe_acceptance set remaining = 0, updated_at = $4
                        where owner_key = $1 and template_id = $2 and openid_hash = $3""")
                .execute(Tuple.of(ownerKey, templateId, openidHash, OffsetDateTime.now(clock))).replaceWithVoid();
    }
}
