package io.onestop.assistance.documents;

import io.onestop.assistance.access.AuditLog;
import io.onestop.assistance.common.FieldProblem;
import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.access.IntakeAccess.Grant;
import io.onestop.assistance.access.IntakeAccess.Kind;
import io.onestop.assistance.access.IntakeAccess.Need;
import io.onestop.assistance.documents.api.ChecklistView;
import io.onestop.assistance.documents.api.ChecklistView.Item;
import io.onestop.assistance.documents.api.ChecklistView.ItemStatus;
import io.onestop.assistance.documents.api.ChecklistView.RequestView;
import io.onestop.assistance.documents.api.DocumentView;
import io.onestop.assistance.documents.api.DownloadUrl;
import io.onestop.assistance.documents.api.UploadTicket;
import io.onestop.assistance.documents.api.UploadTicketRequest;
import io.onestop.assistance.documents.inspection.ContentInspector;
import io.onestop.assistance.documents.inspection.ContentInspector.Inspected;
import io.onestop.assistance.documents.inspection.DocumentFormat;
import io.onestop.assistance.documents.scan.VirusScanner;
import io.onestop.assistance.documents.storage.ObjectStorage;
import io.onestop.assistance.intake.ApplicationOutline;
import io.onestop.assistance.intake.IntakeDirectory;
import io.onestop.assistance.notify.OutboxWriter;
import io.onestop.assistance.programs.DocumentType;
import io.onestop.assistance.programs.LocalizedText;
import io.onestop.assistance.programs.Program;
import io.onestop.assistance.programs.ProgramCatalogService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * Documents of drafts and intakes: the merged checklist, the two upload paths, downloads, and requests for
 * documents. S3 and file work never happen inside a database transaction: each upload reserves a row
 * (PENDING_UPLOAD) in a short transaction, moves the bytes, then marks the row stored in another; what a crash leaves
 * behind, {@link DocumentHousekeeping} sweeps.
 */
@ApplicationScoped
public class DocumentService {

    private static final Logger LOG = Logger.getLogger(DocumentService.class);
    /** Namespace of the per-application advisory lock that serializes the document count check. */
    private static final int COUNT_LOCK = 7_310_004;
    private static final String SAME_BYTES_ONCE = "document_same_bytes_once";
    static final String INFECTED_REASON = "文件含有病毒或恶意软件，已删除，请上传干净的文件 / "
            + "Malware was found in this file and it was removed; please upload a clean copy.";

    /** A document answer and whether this call stored it (201) or found the same bytes already there (200). */
    public record Stored(DocumentView document, boolean created, String location) {
    }

    private record Seen(ApplicationOutline application, Grant grant) {
    }

    private final DocumentRepository documents;
    private final DocumentRequestRepository requests;
    private final IntakeDirectory applications;
    private final DocumentAccess access;
    private final ContentInspector inspector;
    private final ObjectStorage storage;
    private final VirusScanner scanner;
    private final ProgramCatalogService catalog;
    private final AuditLog audit;
    private final OutboxWriter outbox;
    private final DocumentsConfig config;
    private final Clock clock;
    private final ExecutorService inspections;

    public DocumentService(DocumentRepository documents, DocumentRequestRepository requests,
            IntakeDirectory applications, DocumentAccess access, ContentInspector inspector, ObjectStorage storage,
            VirusScanner scanner, ProgramCatalogService catalog, AuditLog audit, OutboxWriter outbox,
            DocumentsConfig config, Clock clock) {
        this.documents = documents;
        this.requests = requests;
        this.applications = applications;
        this.access = access;
        this.inspector = inspector;
        this.storage = storage;
        this.scanner = scanner;
        this.catalog = catalog;
        this.audit = audit;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.inspections = Executors.newFixedThreadPool(config.maxConcurrentInspections(), work -> {
            Thread thread = new Thread(work, "document-inspection-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    // --- reading -------------------------------------------------------------------------------------------------

    /** The merged checklist; staff see only scanned documents, and their look is audited. */
    public Uni<ChecklistView> checklist(Caller caller, Holder holder) {
        return Panache.withTransaction(() -> visible(caller, holder, Need.LIST_DOCUMENTS).chain(seen -> documents.listHeld(holder.id())
                .chain(list -> openRequests(holder).map(open -> checklistOf(seen, list, open)))
                .call(() -> auditRead(caller, seen, "VIEW_DOCUMENT_CHECKLIST", "INTAKE", holder.id()))));
    }

    public Uni<DocumentView> document(Caller caller, Holder holder, UUID documentId) {
        return Panache.withTransaction(() -> visible(caller, holder, Need.LIST_DOCUMENTS).chain(seen -> listed(seen, holder, documentId)
                .call(doc -> auditRead(caller, seen, "VIEW_DOCUMENT_DETAILS", "DOCUMENT", doc.id))
                .map(DocumentService::view)));
    }

    /** A short-lived presigned GET; every URL handed to staff is an audited view. */
    public Uni<DownloadUrl> downloadUrl(Caller caller, Holder holder, UUID documentId) {
        Executor back = OnContext.current();
        return Panache.withTransaction(() -> visible(caller, holder, Need.DOWNLOAD_DOCUMENTS).chain(seen -> listed(seen, holder, documentId)
                        .call(doc -> auditRead(caller, seen, "VIEW_DOCUMENT", "DOCUMENT", doc.id))))
                .chain(doc -> {
                    if (doc.status == DocumentStatus.INFECTED) {
                        throw new ProblemException(410, "document-removed", "Document removed", INFECTED_REASON, null);
                    }
                    return storage.presignedGet(doc.objectKey, config.downloadUrlValidity()).emitOn(back);
                })
                .map(url -> new DownloadUrl(url, OffsetDateTime.now(clock).plus(config.downloadUrlValidity())));
    }

    // --- path 1: streamed multipart upload -----------------------------------------------------------------------

    /**
     * Stores a received file (the caller deletes it): checks and cleans it on an inspection thread, reserves a row, uploads the cleaned
     * copy, then marks the row stored. The same bytes twice answer the first document (a retried wx.uploadFile).
     */
    public Uni<Stored> upload(Caller caller, Holder holder, DocumentType type, String memberId, Path file) {
        Executor back = OnContext.current();
        return Panache.withSession(() -> ownedAndOpen(caller, holder))
                .chain(() -> inspect(file, back))
                .chain(inspected -> reserve(caller, holder, type, memberId, inspected)
                        .chain(reserved -> reserved.existing() != null ? Uni.createFrom().item(reserved.existing())
                                : storage.upload(reserved.document().objectKey, inspected.file(), inspected.format().mediaType())
                                        .emitOn(back)
                                        .chain(() -> Panache.withTransaction(() -> markStored(reserved.document().id, null)))
                                        .onFailure().call(() -> Panache.withTransaction(() -> discard(reserved.document().id))))
                        .eventually(() -> deleteQuietly(inspected.file())));
    }

    private record Reservation(Document document, Stored existing) {
    }

    private Uni<Reservation> reserve(Caller caller, Holder holder, DocumentType type, String memberId, Inspected inspected) {
        return Panache.withTransaction(() -> ownedAndOpen(caller, holder)
                        .chain(seen -> documents.findSameBytes(holder.id(), inspected.sha256())
                        .chain(same -> {
                            if (same != null) {
                                return Uni.createFrom().item(new Reservation(null, sameBytes(same, type, memberId)));
                            }
                            Document document = newDocument(seen, holder, type, memberId);
                            document.sha256 = inspected.sha256();
                            document.sizeBytes = inspected.size();
                            document.contentType = inspected.format().mediaType();
                            return withinLimit(holder).chain(() -> documents.persistAndFlush(document))
                                    .call(() -> auditUpload(caller, seen, document))
                                    .map(ignored -> new Reservation(document, null));
                        })))
                .onFailure(DocumentService::isSameBytesViolation).recoverWithUni(() -> Panache.withSession(
                        () -> documents.findSameBytes(holder.id(), inspected.sha256())
                                .map(same -> new Reservation(null, sameBytes(same, type, memberId)))));
    }

    // --- path 2: presigned PUT, then confirm ----------------------------------------------------------------------

    /** Reserves a document and answers a presigned PUT URL for its fixed object key. */
    public Uni<UploadTicket> uploadTicket(Caller caller, Holder holder, UploadTicketRequest request) {
        inspector.checkSize(request.size());
        String contentType = request.contentType().strip().toLowerCase();
        if (Arrays.stream(DocumentFormat.values()).noneMatch(f -> f.mediaType().equals(contentType))) {
            throw ProblemException.invalid("contentType",
                    "must be one of image/jpeg, image/png, image/webp, image/heic, application/pdf");
        }
        Executor back = OnContext.current();
        return Panache.withTransaction(() -> ownedAndOpen(caller, holder).chain(seen -> withinLimit(holder).chain(() -> {
                    Document document = newDocument(seen, holder, request.type(), request.memberId());
                    document.declaredSize = request.size();
                    return documents.persist(document).call(() -> auditUpload(caller, seen, document));
                })))
                .chain(document -> storage.presignedPut(document.objectKey, config.uploadUrlValidity()).emitOn(back)
                        .map(url -> new UploadTicket(document.id, url,
                                OffsetDateTime.now(clock).plus(config.uploadUrlValidity()),
                                Map.of("Content-Type", contentType))));
    }

    /**
     * Counts a presigned upload once its object checks out: exact declared size, an allowed format by content,
     * image size; metadata is removed (the object is replaced by the cleaned copy) and the hash taken. Confirming
     * twice answers the same document.
     */
    public Uni<Stored> confirm(Caller caller, Holder holder, UUID documentId) {
        Executor back = OnContext.current();
        return Panache.withSession(() -> ownedAndOpen(caller, holder).chain(() -> held(holder, documentId)))
                .chain(document -> {
                    if (document.status != DocumentStatus.PENDING_UPLOAD) {
                        return Uni.createFrom().item(new Stored(view(document), false, location(document)));
                    }
                    return storage.stat(document.objectKey).emitOn(back)
                            .onFailure(ObjectStorage.ObjectMissingException.class).transform(missing -> ProblemException.conflict(
                                    "upload-missing", "The file has not arrived in storage; PUT it to the upload URL, then confirm."))
                            .chain(info -> {
                                if (info.size() != document.declaredSize) {
                                    return refuseObject(document, back, new ProblemException(422, "size-mismatch", "Size mismatch",
                                            "The stored file has %d bytes, but %d were announced.".formatted(info.size(),
                                                    document.declaredSize), null));
                                }
                                return inspectStored(document, back);
                            });
                });
    }

    private Uni<Stored> inspectStored(Document document, Executor back) {
        return blocking(() -> Files.createTempFile("document-", ".put"), back).chain(copy -> storage
                .download(document.objectKey, copy).emitOn(back)
                .chain(() -> inspect(copy, back))
                .onFailure(ProblemException.class).call(refused -> storage.delete(document.objectKey).emitOn(back))
                // HEIC metadata is blanked without changing the size: whether bytes changed decides, not the size
                .chain(inspected -> (!inspected.changed() ? Uni.createFrom().voidItem()
                        : storage.upload(document.objectKey, inspected.file(), inspected.format().mediaType()).emitOn(back)
                                .replaceWithVoid())
                        .chain(() -> Panache.withTransaction(() -> markStored(document.id, inspected)))
                        .onFailure(DocumentService::isSameBytesViolation).recoverWithUni(() -> Panache.withSession(
                                () -> documents.findSameBytes(document.holderId(), inspected.sha256())
                                        .map(same -> sameBytes(same, document.type, document.memberId))))
                        .eventually(() -> deleteQuietly(inspected.file())))
                .eventually(() -> deleteQuietly(copy)));
    }

    private Uni<Stored> refuseObject(Document document, Executor back, ProblemException refusal) {
        return storage.delete(document.objectKey).emitOn(back).chain(() -> Uni.createFrom().failure(refusal));
    }

    /**
     * Marks a reserved document stored. {@code inspected} is given for presigned uploads, whose hash is known only
     * now: a document with the same bytes already held wins, and this one is discarded.
     */
    private Uni<Stored> markStored(UUID documentId, Inspected inspected) {
        return documents.findById(documentId).chain(document -> {
            if (document == null || document.status != DocumentStatus.PENDING_UPLOAD) {
                throw ProblemException.notFound("The upload expired; start it again.");
            }
            Uni<Document> same = inspected == null ? Uni.createFrom().nullItem()
                    : documents.findSameBytes(document.holderId(), inspected.sha256());
            return same.chain(existing -> {
                if (existing != null) {
                    Stored answer = sameBytes(existing, document.type, document.memberId);
                    markDiscarded(document);
                    return Uni.createFrom().item(answer);
                }
                if (inspected != null) {
                    document.sha256 = inspected.sha256();
                    document.sizeBytes = inspected.size();
                    document.contentType = inspected.format().mediaType();
                }
                document.status = scanner.enabled() ? DocumentStatus.PENDING_SCAN : DocumentStatus.UPLOADED;
                document.uploadExpiresAt = null;
                document.updatedAt = OffsetDateTime.now(clock);
                return documents.flush()
                        .call(() -> document.status == DocumentStatus.UPLOADED ? counted(document) : Uni.createFrom().voidItem())
                        .map(ignored -> new Stored(view(document), true, location(document)));
            });
        });
    }

    // --- removal ------------------------------------------------------------------------------------------------

    /** Removes a document of a draft, or an unfinished upload of an intake; submitted documents stay (evidence). */
    public Uni<Void> delete(Caller caller, Holder holder, UUID documentId) {
        return Panache.withTransaction(() -> ownedAndOpen(caller, holder).map(Seen::application).chain(application -> documents
                .findHeld(holder.id(), documentId).map(document -> {
                    if (document == null || document.status == DocumentStatus.DISCARDED) {
                        throw ProblemException.notFound("No such document.");
                    }
                    if (application.submitted() && document.status != DocumentStatus.PENDING_UPLOAD) {
                        throw ProblemException.conflict("document-submitted",
                                "Documents of a submitted application are kept as evidence; upload a new one instead.");
                    }
                    markDiscarded(document);
                    return null;
                })));
    }

    private Uni<Void> discard(UUID documentId) {
        return documents.findById(documentId).invoke(document -> {
            if (document != null && document.status == DocumentStatus.PENDING_UPLOAD) {
                markDiscarded(document);
            }
        }).replaceWithVoid();
    }

    private void markDiscarded(Document document) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        document.status = DocumentStatus.DISCARDED;
        document.sha256 = null; // frees the bytes for a new upload at once
        document.uploadExpiresAt = now; // the sweeper removes the object on its next run
        document.updatedAt = now;
    }

    // --- requests for documents (补正材料) -------------------------------------------------------------------------

    /**
     * A caseworker asks for documents again: each type goes back on the resident's checklist as MISSING with the
     * reason, until an upload of that type (for that member, when one is named) fulfils it. The caller (the cases
     * context) has checked that the caseworker may act on the case.
     */
    public Uni<List<UUID>> requestDocuments(UUID intakeId, UUID caseId, List<DocumentType> types, String memberId,
            String reasonZh, String reasonEn, String requestedBy) {
        List<FieldProblem> problems = new ArrayList<>();
        if (types == null || types.isEmpty()) {
            problems.add(new FieldProblem("types", "name at least one document type"));
        }
        if (reasonZh == null || reasonZh.isBlank()) {
            problems.add(new FieldProblem("reasonZh", "tell the resident why, in Chinese"));
        }
        if (reasonEn == null || reasonEn.isBlank()) {
            problems.add(new FieldProblem("reasonEn", "tell the resident why, in English"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return Panache.withTransaction(() -> applications.intake(intakeId).chain(application -> {
            if (application.cases().stream().noneMatch(c -> c.id().equals(caseId))) {
                throw ProblemException.notFound("No such case of this application.");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<DocumentRequest> created = new LinkedHashSet<>(types).stream().map(type -> {
                DocumentRequest request = new DocumentRequest();
                request.id = UUID.randomUUID();
                request.intakeId = intakeId;
                request.caseId = caseId;
                request.type = type;
                request.memberId = memberId;
                request.reasonZh = reasonZh.strip();
                request.reasonEn = reasonEn.strip();
                request.requestedBy = requestedBy;
                request.requestedAt = now;
                return request;
            }).toList();
            return requests.persist(created.stream())
                    .chain(() -> Panache.getSession())
                    .chain(session -> outbox.append(session, "INTAKE", intakeId, "DOCUMENTS_REQUESTED", Map.of(
                            "caseId", caseId, "types", created.stream().map(r -> r.type.name()).toList())))
                    .map(ignored -> created.stream().map(r -> r.id).toList());
        }));
    }

    /** A document now counts: open requests it answers are fulfilled, and the cases that asked hear of it. */
    Uni<Void> counted(Document document) {
        if (document.intakeId == null) {
            return Uni.createFrom().voidItem();
        }
        return requests.listOpen(document.intakeId).chain(open -> {
            List<DocumentRequest> met = open.stream().filter(r -> r.isFulfilledBy(document.type, document.memberId)).toList();
            OffsetDateTime now = OffsetDateTime.now(clock);
            met.forEach(r -> {
                r.fulfilledAt = now;
                r.fulfilledBy = document.id;
            });
            return Panache.getSession().chain(session -> {
                Uni<Void> events = Uni.createFrom().voidItem();
                for (DocumentRequest r : met) {
                    events = events.call(() -> outbox.append(session, "INTAKE", document.intakeId,
                            "DOCUMENT_REQUEST_FULFILLED", Map.of("caseId", r.caseId, "requestId", r.id,
                                    "documentId", document.id, "type", r.type.name())));
                }
                return events;
            });
        });
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    /** The application when the caller's grant allows {@code need}; 404 otherwise (audited), as for a stranger. */
    private Uni<Seen> visible(Caller caller, Holder holder, Need need) {
        return outline(caller, holder).chain(application -> access.require(caller, application, need)
                .map(grant -> new Seen(application, grant)));
    }

    /**
     * An application the caller may add documents to (its owner, or a delegate whose scope allows uploads) that still
     * takes documents; 404 for anyone else's.
     */
    private Uni<Seen> ownedAndOpen(Caller caller, Holder holder) {
        return visible(caller, holder, Need.UPLOAD_DOCUMENTS).map(seen -> {
            if (!seen.application().open()) {
                throw ProblemException.conflict("application-closed",
                        "This application is withdrawn or closed; it takes no more documents.");
            }
            return seen;
        });
    }

    private Uni<ApplicationOutline> outline(Caller caller, Holder holder) {
        return holder.intake() ? applications.intake(holder.id()) : applications.draft(caller.subject(), holder.id());
    }

    /** A document of the holder in any state but discarded (confirm needs PENDING_UPLOAD ones). */
    private Uni<Document> held(Holder holder, UUID documentId) {
        return documents.findHeld(holder.id(), documentId).map(document -> {
            if (document == null || document.status == DocumentStatus.DISCARDED) {
                throw ProblemException.notFound("No such document.");
            }
            return document;
        });
    }

    /** A document the caller may look at: arrived, and for staff also scanned. */
    private Uni<Document> listed(Seen seen, Holder holder, UUID documentId) {
        return documents.findHeld(holder.id(), documentId).map(document -> {
            if (document == null || DocumentStatus.NOT_LISTED.contains(document.status)
                    || (seen.grant().kind() == Kind.STAFF && !DocumentStatus.VISIBLE_TO_STAFF.contains(document.status))) {
                throw ProblemException.notFound("No such document.");
            }
            return document;
        });
    }

    private Uni<List<DocumentRequest>> openRequests(Holder holder) {
        return holder.intake() ? requests.listOpen(holder.id()) : Uni.createFrom().item(List.of());
    }

    private Uni<Void> withinLimit(Holder holder) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select pg_advisory_xact_lock(?1, hashtext(?2))")
                        .setParameter(1, COUNT_LOCK).setParameter(2, holder.id().toString()).getSingleResult())
                .chain(() -> documents.countTowardsLimit(holder.id()))
                .invoke(count -> {
                    if (count >= config.maxDocumentsPerApplication()) {
                        throw ProblemException.conflict("too-many-documents",
                                "An application holds at most %d documents; remove one you no longer need first."
                                        .formatted(config.maxDocumentsPerApplication()));
                    }
                }).replaceWithVoid();
    }

    /** Staff looks and family delegates' looks are audited; the owner reading their own documents is not. */
    private Uni<Void> auditRead(Caller caller, Seen seen, String action, String objectType, UUID objectId) {
        if (seen.grant().kind() == Kind.STAFF) {
            return Panache.getSession().chain(session -> audit.record(session, new AuditLog.Entry(caller.subject(),
                    caller.auditRole(), action, objectType, objectId.toString(), "ALLOWED", null)));
        }
        if (seen.grant().isDelegate()) {
            return Panache.getSession().chain(session -> audit.record(session, new AuditLog.Entry(caller.subject(),
                    "delegate", "DELEGATE_" + action, objectType, objectId.toString(), "ALLOWED",
                    "delegation " + seen.grant().delegationId())));
        }
        return Uni.createFrom().voidItem();
    }

    /** A delegate's upload is the applicant's document, and the audit log says who brought it under which delegation. */
    private Uni<Void> auditUpload(Caller caller, Seen seen, Document document) {
        if (!seen.grant().isDelegate()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> audit.record(session, new AuditLog.Entry(caller.subject(),
                "delegate", "DELEGATE_UPLOAD_DOCUMENT", "DOCUMENT", document.id.toString(), "ALLOWED",
                "delegation " + seen.grant().delegationId())));
    }

    private Document newDocument(Seen seen, Holder holder, DocumentType type, String memberId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Document document = new Document();
        document.id = UUID.randomUUID();
        // the application's owner owns every document of it, also one a family delegate uploaded
        document.ownerSubject = seen.application().ownerSubject();
        if (holder.intake()) {
            document.intakeId = holder.id();
        } else {
            document.draftId = holder.id();
        }
        document.type = type;
        document.memberId = memberId == null || memberId.isBlank() ? null : memberId.strip();
        document.status = DocumentStatus.PENDING_UPLOAD;
        // the key names no person and no file name: only which application and which document
        document.objectKey = "documents/%s/%s".formatted(holder.id(), document.id);
        document.uploadExpiresAt = now.plus(config.unconfirmedTimeToLive());
        document.createdAt = now;
        document.updatedAt = now;
        return document;
    }

    /** The same bytes are already held: the same document again is a retry; as another document it is refused. */
    private static Stored sameBytes(Document existing, DocumentType type, String memberId) {
        if (existing == null) {
            throw ProblemException.conflict("upload-in-progress", "The same file is being uploaded; retry shortly.");
        }
        if (existing.status == DocumentStatus.PENDING_UPLOAD) {
            throw ProblemException.conflict("upload-in-progress", "The same file is being uploaded; retry shortly.");
        }
        String member = memberId == null || memberId.isBlank() ? null : memberId.strip();
        if (existing.type != type || !Objects.equals(existing.memberId, member)) {
            throw ProblemException.conflict("duplicate-document", "This exact file is already uploaded to this "
                    + "application as " + existing.type.localizedName().zh() + " / " + existing.type.localizedName().en()
                    + "; each file is stored once. Upload the document that belongs here.");
        }
        return new Stored(view(existing), false, location(existing));
    }

    private ChecklistView checklistOf(Seen seen, List<Document> held, List<DocumentRequest> open) {
        List<Document> shown = seen.grant().kind() == Kind.STAFF
                ? held.stream().filter(d -> DocumentStatus.VISIBLE_TO_STAFF.contains(d.status)).toList() : held;
        List<ApplicationOutline.ProgramMembers> programs = seen.application().programs();
        Set<DocumentType> required = new LinkedHashSet<>(
                catalog.documentsFor(programs.stream().map(ApplicationOutline.ProgramMembers::program).toList()));
        if (!programs.isEmpty()) {
            required.add(DocumentType.VERIFICATION_CONSENT); // one signed consent per application, whatever the programs
        }
        Set<DocumentType> types = new LinkedHashSet<>(required);
        open.forEach(r -> types.add(r.type));
        shown.forEach(d -> types.add(d.type));
        types.add(DocumentType.OTHER);
        List<Item> items = types.stream().map(type -> {
            List<ApplicationOutline.ProgramMembers> needing = programs.stream()
                    .filter(p -> p.program().documents().contains(type)).toList();
            List<String> members = needing.stream().flatMap(p -> p.memberIds().stream()).distinct().sorted().toList();
            List<Document> documentsOfType = shown.stream().filter(d -> d.type == type).toList();
            List<DocumentRequest> asked = open.stream().filter(r -> r.type == type).toList();
            return item(type, needing.stream().map(ApplicationOutline.ProgramMembers::program).toList(), members,
                    required.contains(type) || !asked.isEmpty(), documentsOfType, asked);
        }).toList();
        int count = (int) held.stream().filter(d -> !DocumentStatus.NOT_COUNTED.contains(d.status)).count();
        return new ChecklistView(seen.application().id(), count, config.maxDocumentsPerApplication(), items);
    }

    private static Item item(DocumentType type, List<Program> programs, List<String> members, boolean required,
            List<Document> documentsOfType, List<DocumentRequest> asked) {
        Set<DocumentStatus> statuses = documentsOfType.stream().map(d -> d.status).collect(Collectors.toSet());
        ItemStatus status;
        String reason = null;
        if (!asked.isEmpty()) {
            status = ItemStatus.MISSING;
        } else if (statuses.contains(DocumentStatus.ACCEPTED)) {
            status = ItemStatus.ACCEPTED;
        } else if (statuses.contains(DocumentStatus.UPLOADED) || statuses.contains(DocumentStatus.PENDING_SCAN)) {
            status = ItemStatus.UPLOADED;
        } else if (!documentsOfType.isEmpty()) {
            status = ItemStatus.REJECTED;
            reason = documentsOfType.stream().max(Comparator.comparing(d -> d.updatedAt))
                    .map(d -> d.rejectionReason).orElse(null);
        } else {
            status = ItemStatus.MISSING;
        }
        return new Item(type, type.localizedName(), programs, members, required, status, reason,
                asked.stream().map(r -> new RequestView(r.id, r.caseId, r.memberId, LocalizedText.of(r.reasonZh, r.reasonEn),
                        r.requestedAt)).toList(),
                documentsOfType.stream().map(DocumentService::view).toList());
    }

    static DocumentView view(Document d) {
        return new DocumentView(d.id, d.type, d.type.localizedName(), d.memberId, d.status, d.contentType, d.sizeBytes,
                d.sha256, d.rejectionReason, d.createdAt);
    }

    private static String location(Document d) {
        return (d.intakeId != null ? Holder.intake(d.intakeId) : Holder.draft(d.draftId)).documentPath(d.id);
    }

    /**
     * Inspects on one of the {@link DocumentsConfig#maxConcurrentInspections()} inspection threads: hashing and
     * stripping are CPU work (SHA-256 alone is about 100 ms for 8 MB with the C1 compiler), and 32 uploads hashing at
     * once on worker threads starved the event loops so much that the database pool's 2 s wait ran out (measured).
     */
    private Uni<Inspected> inspect(Path file, Executor back) {
        return Uni.createFrom().item(() -> inspector.inspect(file)).runSubscriptionOn(inspections).emitOn(back);
    }

    @PreDestroy
    void stop() {
        inspections.shutdownNow();
    }

    /** Runs blocking work on a worker thread and comes back to the request's context. */
    static <T> Uni<T> blocking(Callable<T> work, Executor back) {
        return Uni.createFrom().item(() -> {
            try {
                return work.call();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()).emitOn(back);
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("Temporary file %s could not be deleted", file.getFileName());
        }
    }

    private static boolean isSameBytesViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                return SAME_BYTES_ONCE.equals(violation.getConstraintName());
            }
        }
        return false;
    }
}
