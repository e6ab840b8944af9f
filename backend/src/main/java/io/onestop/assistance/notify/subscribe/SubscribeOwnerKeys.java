package io.onestop.assistance.notify.subscribe;

import io.onestop.assistance.access.OwnerKeyChange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Acceptances follow their owner to the resident key at real-name binding, like the inbox. When the resident key
 * already has acceptances of a template (through another login), the ones of the login being bound win: they belong
 * to the mini-program account the person uses now.
 */
@ApplicationScoped
class SubscribeOwnerKeys implements OwnerKeyChange {

    @Override
    public Uni<Void> rekey(Mutiny.Session session, String fromSubject, String toOwnerKey) {
        return session.createNativeQuery("""
                        insert into subscribe_acceptance (owner_key, template_id, openid_enc, openid_hash, remaining, updated_at)
                        select ?1, template_id, openid_enc, openid_hash, remaining, updated_at
                        from subscribe_acceptance where owner_key = ?2
                        on conflict (owner_key, template_id) do update set openid_enc = excluded.openid_enc,
                          openid_hash = excluded.openid_hash, remaining = excluded.remaining, updated_at = excluded.updated_at""")
                .setParameter(1, toOwnerKey).setParameter(2, fromSubject).executeUpdate()
                .chain(() -> session.createNativeQuery("delete from subscribe_acceptance where owner_key = ?1")
                        .setParameter(1, fromSubject).executeUpdate())
                .replaceWithVoid();
    }
}
