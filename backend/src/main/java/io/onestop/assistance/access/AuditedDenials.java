package io.onestop.assistance.access;

import io.onestop.assistance.common.DenialRecorder;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** A role refusal (403) as an audit row of its own: who, which role, which request, DENIED. */
@ApplicationScoped
public class AuditedDenials implements DenialRecorder {

    private final AuditLog audit;
    private final SecurityIdentity identity;

    public AuditedDenials(AuditLog audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
    }

    @Override
    public Uni<Void> refused(String request) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().voidItem(); // a 401, not a refusal of someone
        }
        String role = java.util.stream.Stream.of("approver", "caseworker", "hotline", "admin", "auditor", "resident")
                .filter(identity::hasRole).findFirst().orElse("other");
        return audit.recordAlone(new AuditLog.Entry(OwnerKeys.of(identity), role, "REQUEST", "ENDPOINT", null, "DENIED",
                request.length() > 500 ? request.substring(0, 500) : request));
    }
}
