package io.onestop.assistance.access;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a resident's login to their owner key once per request. Bindings are permanent, so a found binding is
 * cached for good (bounded); a missing one is asked again next time, so a binding made on another instance is seen
 * at once.
 */
@ApplicationScoped
public class ResidentIdentityAugmentor implements SecurityIdentityAugmentor {

    private static final int CACHE_LIMIT = 100_000;

    private final Pool pool;
    private final Map<String, UUID> bound = new ConcurrentHashMap<>();

    public ResidentIdentityAugmentor(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole("resident")) {
            return Uni.createFrom().item(identity);
        }
        String subject = OwnerKeys.subject(identity);
        UUID known = bound.get(subject);
        Uni<UUID> residentId = known != null ? Uni.createFrom().item(known)
                : pool.preparedQuery("select resident_id from resident_identity where subject = $1")
                        .execute(Tuple.of(subject))
                        .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getUUID(0) : null)
                        .invoke(id -> remember(subject, id));
        return residentId.map(id -> id == null ? identity : QuarkusSecurityIdentity.builder(identity)
                .addAttribute(OwnerKeys.OWNER_KEY, Resident.ownerKey(id))
                .addAttribute(OwnerKeys.RESIDENT_ID, id)
                .build());
    }

    private void remember(String subject, UUID residentId) {
        if (residentId == null) {
            return;
        }
        if (bound.size() >= CACHE_LIMIT) {
            bound.clear();
        }
        bound.put(subject, residentId);
    }
}
