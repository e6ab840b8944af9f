package io.onestop.assistance.documents;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * What happens to a draft's documents when the draft ends; the intake context calls these inside its own
 * transaction, so the documents move (or go) exactly when the draft does.
 */
@ApplicationScoped
public class DraftDocuments {

    private final Clock clock;

    public DraftDocuments(Clock clock) {
        this.clock = clock;
    }

    /** On submission: the draft's documents, including uploads still in flight, now belong to the intake. */
    public Uni<Void> followToIntake(Mutiny.Session session, UUID draftId, UUID intakeId) {
        return session.createNativeQuery("""
                        update document set intake_id = ?1, draft_id = null, updated_at = ?2
                        where draft_id = ?3""")
                .setParameter(1, intakeId)
                .setParameter(2, OffsetDateTime.now(clock))
                .setParameter(3, draftId)
                .executeUpdate()
                .replaceWithVoid();
    }

    /** On deletion of the draft: its documents are discarded; the sweeper removes their objects. */
    public Uni<Void> discardWithDraft(Mutiny.Session session, UUID draftId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return session.createNativeQuery("""
                        update document set status = 'DISCARDED', sha256 = null, upload_expires_at = ?1, updated_at = ?1
                        where draft_id = ?2""")
                .setParameter(1, now)
                .setParameter(2, draftId)
                .executeUpdate()
                .replaceWithVoid();
    }
}
