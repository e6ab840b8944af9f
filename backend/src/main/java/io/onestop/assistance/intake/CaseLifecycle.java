package io.onestop.assistance.intake;

import io.smallrye.mutiny.Uni;
import java.time.OffsetDateTime;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * What this context asks of the cases context when the resident's application changes. The fan-out creates program
 * cases here, but every change of a case's step, from its first clock to its end, is the cases context's: its state
 * machine, its timeline, its outbox event. Implemented there ({@code cases.CaseService}); this context depends on this
 * interface only, so the two packages do not depend on each other in a circle (the cases context already reads
 * intakes through {@link IntakeLookup}).
 */
public interface CaseLifecycle {

    /** Why the application ends an undecided case, and the step the case ends in. */
    enum Ending {
        /** The resident withdrew the whole application. */
        WITHDRAWN_BY_APPLICANT(ProgramCase.WITHDRAWN),
        /** After a change of circumstances the program is no longer applied for: not kept, or no longer qualifying. */
        CIRCUMSTANCES_CHANGED(ProgramCase.CLOSED);

        private final String step;

        Ending(String step) {
            this.step = step;
        }

        /** The step the case ends in (a {@code cases.workflow.CaseStep} name). */
        public String step() {
            return step;
        }

        /** Kept as the case's closed reason and on its timeline entry. */
        public String reasonCode() {
            return name();
        }
    }

    /** Starts the first clock of a case the fan-out has just opened, at submission or at a change of circumstances. */
    void opened(ProgramCase c, OffsetDateTime now);

    /**
     * Ends an undecided case because of its application, as the resident {@code residentSubject}: the move (checked by
     * the case's workflow), its timeline entry and its outbox event, all in the caller's transaction; the clock stops.
     */
    Uni<Void> end(Mutiny.Session session, ProgramCase c, Ending ending, String residentSubject);
}
