package io.onestop.assistance.access;

import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Implemented by every context that keys rows by their owner (drafts, intakes, documents, idempotency records...).
 * When a login identity is real-name bound, its rows move from the token subject to the resident's owner key, in
 * the binding's transaction, so the person's other login sees them too.
 */
public interface OwnerKeyChange {

    Uni<Void> rekey(Mutiny.Session session, String fromSubject, String toOwnerKey);
}
