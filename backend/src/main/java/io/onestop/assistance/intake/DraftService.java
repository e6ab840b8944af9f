package io.onestop.assistance.intake;

import io.onestop.assistance.access.IntakeAccess;
import io.onestop.assistance.common.JsonCodec;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.documents.DraftDocuments;
import io.onestop.assistance.intake.api.ApplicantDetails;
import io.onestop.assistance.intake.api.DraftRequest;
import io.onestop.assistance.intake.api.DraftView;
import io.onestop.assistance.programs.Household;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.Screening;
import io.onestop.assistance.common.Page;
import io.onestop.assistance.common.PageRequest;
import io.onestop.assistance.programs.ScreeningService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Drafts: save and resume an application before it is submitted. */
@ApplicationScoped
public class DraftService {

    private final DraftRepository drafts;
    private final IntakeAccess access;
    private final ApplicantCodec applicants;
    private final ScreeningService screening;
    private final DraftDocuments draftDocuments;
    private final JsonCodec json;
    private final Clock clock;

    public DraftService(DraftRepository drafts, ApplicantCodec applicants, ScreeningService screening,
            DraftDocuments draftDocuments, JsonCodec json, Clock clock, IntakeAccess access) {
        this.access = access;
        this.draftDocuments = draftDocuments;
        this.drafts = drafts;
        this.applicants = applicants;
        this.screening = screening;
        this.json = json;
        this.clock = clock;
    }

    /** What a draft holds, in clear, for the services of this context. */
    record Content(Household household, ApplicantDetails applicant, List<Program> chosenPrograms, String situation) {
    }

    @WithTransaction
    public Uni<DraftView> create(String owner, DraftRequest request) {
        Draft draft = new Draft();
        draft.id = UUID.randomUUID();
        draft.ownerSubject = owner;
        draft.createdAt = OffsetDateTime.now(clock);
        fill(draft, request, null);
        return drafts.persist(draft).map(this::view);
    }

    @WithSession
    public Uni<DraftView> get(String owner, UUID id) {
        return owned(owner, id).map(this::view);
    }

    @WithSession
    public Uni<Page<DraftView>> list(String owner, PageRequest page) {
        return drafts.listOwned(owner, page)
                .map(fetched -> Page.of(fetched, page.limit(), d -> d.createdAt, d -> d.id).map(this::view));
    }

    /** Replaces the draft's content when {@code expectedVersion} is current; 412 otherwise. */
    @WithTransaction
    public Uni<DraftView> update(String owner, UUID id, int expectedVersion, DraftRequest request) {
        return owned(owner, id).map(draft -> {
            if (draft.version != expectedVersion) {
                throw ProblemException.preconditionFailed(
                        "The draft was changed elsewhere (now version " + draft.version + "); reload it and try again.");
            }
            fill(draft, request, applicants.open(draft.applicantEncrypted));
            return draft;
        }).call(drafts::flush).map(this::view);
    }

    /** Deletes a draft; its documents are discarded with it (their objects are swept). */
    @WithTransaction
    public Uni<Void> delete(String owner, UUID id) {
        return owned(owner, id).chain(() -> drafts.deleteOwned(owner, id)).chain(deleted -> {
            if (!deleted) {
                throw ProblemException.notFound("No such draft.");
            }
            return Panache.getSession().chain(session -> draftDocuments.discardWithDraft(session, id));
        });
    }

    /** Screens the draft's household with the server's rules (the same as the public calculator). */
    @WithSession
    public Uni<Screening> screen(String owner, UUID id) {
        return owned(owner, id).map(draft -> screening.screen(content(draft).household()));
    }

    /** Removes a submitted draft inside the submitting transaction. */
    Uni<Boolean> deleteWithin(String owner, UUID id) {
        return drafts.deleteOwned(owner, id);
    }

    /** The draft in clear, for submission; 404 when missing or foreign. */
    Uni<Content> content(String owner, UUID id) {
        return owned(owner, id).map(this::content);
    }

    /** The draft of {@code owner}; 404 when missing or someone else's, and someone else's is an audited denial. */
    private Uni<Draft> owned(String owner, UUID id) {
        return drafts.findById(id).call(draft -> access.requireDraftOwner(owner, id, draft == null ? null : draft.ownerSubject));
    }

    private void fill(Draft draft, DraftRequest request, ApplicantDetails stored) {
        Household household = request.household();
        draft.household = json.write(household);
        draft.regionCode = household.regionCode();
        draft.memberCount = household.members() == null ? null : household.members().size();
        draft.applicantEncrypted = applicants.seal(applicants.merge(stored, request.applicant()));
        draft.chosenPrograms = ProgramCodes.toColumn(request.chosenPrograms());
        draft.situation = request.situation();
        draft.updatedAt = OffsetDateTime.now(clock);
    }

    private Content content(Draft draft) {
        return new Content(json.read(draft.household, Household.class), applicants.open(draft.applicantEncrypted),
                ProgramCodes.fromColumn(draft.chosenPrograms), draft.situation);
    }

    private DraftView view(Draft draft) {
        Content content = content(draft);
        return new DraftView(draft.id, draft.version, content.household(), ApplicantCodec.view(content.applicant()),
                content.chosenPrograms(), content.situation(), draft.createdAt, draft.updatedAt);
    }
}
