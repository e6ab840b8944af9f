package io.onestop.assistance.access;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class ResidentRepository implements PanacheRepositoryBase<Resident, java.util.UUID> {

    public Uni<Resident> findByNationalIdHash(String hash) {
        return find("nationalIdHash", hash).firstResult();
    }

    public Uni<Resident> findByPhoneHash(String hash) {
        return find("phoneHash", hash).firstResult();
    }

    /** The resident a login identity is bound to, or null. */
    public Uni<Resident> findBySubject(String subject) {
        return find("id = (select i.residentId from ResidentIdentity i where i.subject = ?1)", subject).firstResult();
    }
}
