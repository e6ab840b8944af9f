package io.onestop.assistance.documents;

import io.onestop.assistance.documents.scan.VirusScanner;
import io.onestop.assistance.documents.storage.ObjectStorage;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.onestop.assistance.common.StartupChecks;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.jboss.logging.Logger;

/**
 * Background work on documents, safe with several instances on one database: each run claims its rows with
 * {@code FOR UPDATE SKIP LOCKED}, so two instances never take the same document.
 * <ul>
 * <li>the virus scan of documents in PENDING_SCAN (when a scanner is configured): claimed with a lease, scanned
 * outside any transaction, then marked clean or infected; a scanner failure leaves them pending (fail closed);</li>
 * <li>the sweep of uploads never confirmed within the configured time and of discarded documents: rows are deleted
 * first, objects after, so an upload confirmed at the same moment never loses its object.</li>
 * </ul>
 */
@ApplicationScoped
public class DocumentHousekeeping {

    private static final Logger LOG = Logger.getLogger(DocumentHousekeeping.class);
    private static final int BATCH = 20;

    private final Pool pool;
    private final DocumentRepository documents;
    private final DocumentService service;
    private final ObjectStorage storage;
    private final VirusScanner scanner;
    private final DocumentsConfig config;
    private final Clock clock;

    public DocumentHousekeeping(Pool pool, DocumentRepository documents, DocumentService service, ObjectStorage storage,
            VirusScanner scanner, DocumentsConfig config, Clock clock) {
        this.pool = pool;
        this.documents = documents;
        this.service = service;
        this.storage = storage;
        this.scanner = scanner;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${assistance.documents.scan-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = StartupChecks.UntilStarted.class)
    Uni<Void> scheduledScan() {
        return scanPending().replaceWithVoid();
    }

    @Scheduled(every = "${assistance.documents.sweep-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = StartupChecks.UntilStarted.class)
    Uni<Void> scheduledSweep() {
        return sweep().replaceWithVoid();
    }

    /** Scans one batch of pending documents; answers how many got a verdict. */
    public Uni<Integer> scanPending() {
        if (!scanner.enabled()) {
            return Uni.createFrom().item(0);
        }
        Executor back = OnContext.current();
        OffsetDateTime now = OffsetDateTime.now(clock);
        return pool.preparedQuery("""
                        update document set scan_claimed_until = $1
                        where id in (select id from document
                                     where status = 'PENDING_SCAN' and (scan_claimed_until is null or scan_claimed_until < $2)
                                     order by created_at limit $3 for update skip locked)
                        returning id, object_key""")
                .execute(Tuple.of(now.plus(config.scanLease()), now, BATCH))
                .emitOn(back)
                .chain(rows -> {
                    List<Row> claimed = new ArrayList<>();
                    rows.forEach(claimed::add);
                    return Multi.createFrom().iterable(claimed)
                            .onItem().transformToUniAndConcatenate(row -> scanOne(row.getUUID("id"), row.getString("object_key"), back)
                                    .onFailure().recoverWithItem(failure -> {
                                        // fail closed: the document stays PENDING_SCAN and is tried again after the lease
                                        LOG.warnf("Virus scan of document %s gave no verdict: %s", row.getUUID("id"),
                                                failure.getMessage());
                                        return false;
                                    }))
                            .collect().asList()
                            .map(results -> (int) results.stream().filter(Boolean::booleanValue).count());
                });
    }

    private Uni<Boolean> scanOne(UUID id, String objectKey, Executor back) {
        return DocumentService.blocking(() -> Files.createTempFile("document-", ".scan"), back)
                .chain(copy -> storage.download(objectKey, copy).emitOn(back)
                        .chain(() -> DocumentService.blocking(() -> scanner.scan(copy), back))
                        .chain(verdict -> Panache.withTransaction(() -> record(id, verdict))
                                .call(infected -> infected ? storage.delete(objectKey).emitOn(back) : Uni.createFrom().voidItem())
                                .replaceWith(true))
                        .eventually(() -> DocumentService.deleteQuietly(copy)));
    }

    /** Answers whether the object must go (infected). */
    private Uni<Boolean> record(UUID id, VirusScanner.Verdict verdict) {
        return documents.findById(id).chain(document -> {
            if (document == null || document.status != DocumentStatus.PENDING_SCAN) {
                return Uni.createFrom().item(false);
            }
            document.updatedAt = OffsetDateTime.now(clock);
            if (verdict == VirusScanner.Verdict.INFECTED) {
                LOG.warnf("Malware found in document %s; object removed", id);
                document.status = DocumentStatus.INFECTED;
                document.rejectionReason = DocumentService.INFECTED_REASON;
                return Uni.createFrom().item(true);
            }
            document.status = DocumentStatus.UPLOADED;
            return documents.flush().chain(() -> service.counted(document)).replaceWith(false);
        });
    }

    /** Removes abandoned uploads and discarded documents, rows first; answers how many. */
    public Uni<Integer> sweep() {
        return pool.preparedQuery("""
                        delete from document
                        where id in (select id from document
                                     where status in ('PENDING_UPLOAD', 'DISCARDED') and upload_expires_at <= $1
                                     order by upload_expires_at limit 100 for update skip locked)
                        returning object_key""")
                .execute(Tuple.of(OffsetDateTime.now(clock)))
                .chain(rows -> {
                    List<String> keys = new ArrayList<>();
                    rows.forEach(row -> keys.add(row.getString("object_key")));
                    return Multi.createFrom().iterable(keys)
                            .onItem().transformToUniAndConcatenate(key -> storage.delete(key).replaceWith(key)
                                    .onFailure().recoverWithItem(failure -> {
                                        LOG.warnf("Swept object %s could not be removed: %s", key, failure.getMessage());
                                        return key;
                                    }))
                            .collect().asList()
                            .map(ignored -> keys.size());
                });
    }
}
