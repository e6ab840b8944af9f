package io.onestop.assistance.documents.storage;

import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * S3 through the MinIO async client, except for document uploads: the client still reads request bodies and signs on
 * the calling thread, so every call is subscribed on the worker pool to keep the event loop free. A file upload
 * ({@link #upload}) is a presigned PUT (the MinIO client signs the URL) whose body the Vert.x HTTP client streams from
 * disk: the MinIO client would hash every byte twice more (SHA-256 payload signature and CRC32C, in plain Java, most of
 * the CPU of an upload with the C1 compiler) and hold each 5 MiB part on the heap.
 */
@ApplicationScoped
public class MinioObjectStorage implements ObjectStorage {

    private static final Set<String> MISSING_CODES = Set.of("NoSuchKey", "NoSuchObject", "NotFound");
    private static final long PART_SIZE = 10L * 1024 * 1024;

    /** How long the presigned URL of one streamed upload stays valid; S3 checks it when the PUT starts. */
    private static final Duration UPLOAD_URL_VALIDITY = Duration.ofMinutes(5);
    /** Bytes read from the file per chunk sent. */
    private static final int READ_BUFFER = 64 * 1024;

    private final MinioAsyncClient client;
    private final String bucket;
    private final java.util.concurrent.Semaphore uploadSlots;
    private final Vertx vertx;
    private final HttpClient http;

    @Inject
    public MinioObjectStorage(StorageConfig config, Vertx vertx) {
        this.vertx = vertx;
        // At most maxConcurrentUploads connections to the store: further uploads wait in the pool's queue without
        // holding a thread. No traffic either way for readTimeout (a store that stopped taking bytes or never
        // answers) closes the connection, and the upload fails as the store being unavailable (503).
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.readTimeout().toMillis())
                .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxPoolSize(config.maxConcurrentUploads())
                .setKeepAlive(true));
        this.uploadSlots = new java.util.concurrent.Semaphore(config.maxConcurrentUploads(), true);
        this.client = MinioAsyncClient.builder()
                .endpoint(config.endpoint())
                .region(config.region())
                .credentials(config.accessKey(), config.secretKey())
                .build();
        this.client.setTimeout(config.connectTimeout().toMillis(), config.writeTimeout().toMillis(),
                config.readTimeout().toMillis());
        this.bucket = config.bucket();
    }

    @Override
    public Uni<Void> ensureBucket() {
        return call(() -> client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build()))
                .chain(exists -> exists ? Uni.createFrom().voidItem()
                        : call(() -> client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build())).replaceWithVoid());
    }

    @Override
    public Uni<ObjectInfo> put(String key, InputStream content, long size, String contentType) {
        return call(() -> withUploadSlot(() -> client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                        .stream(content, size, size > PART_SIZE ? PART_SIZE : null)
                        .contentType(contentType).build())))
                .map(written -> new ObjectInfo(key, size, contentType, written.etag()));
    }

    @Override
    public Uni<ObjectInfo> upload(String key, Path file, String contentType) {
        return presign(Http.Method.PUT, key, UPLOAD_URL_VALIDITY)
                .chain(url -> Uni.createFrom().<ObjectInfo>emitter(emitter -> streamFile(url, key, file, contentType,
                        emitter::complete, failure -> emitter.fail(unavailable(failure)))));
    }

    /**
     * PUTs the file with its exact Content-Length (S3 takes no chunked bodies); the file is read {@value #READ_BUFFER}
     * bytes at a time as the connection takes them, so memory does not grow with the file or the number of uploads.
     */
    private void streamFile(String url, String key, Path file, String contentType,
            java.util.function.Consumer<ObjectInfo> done, java.util.function.Consumer<Throwable> failed) {
        vertx.fileSystem().open(file.toString(), new OpenOptions().setRead(true).setWrite(false).setCreate(false))
                .compose(opened -> {
                    AsyncFile source = opened.setReadBufferSize(READ_BUFFER);
                    return source.size().compose(size -> http.request(new RequestOptions().setMethod(HttpMethod.PUT)
                                    .setAbsoluteURI(url)
                                    .putHeader(HttpHeaders.CONTENT_TYPE, contentType)
                                    .putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(size)))
                            .compose(request -> request.send(source))
                            .compose(response -> response.body().compose(body -> response.statusCode() == 200
                                    ? Future.succeededFuture(new ObjectInfo(key, size, contentType, response.getHeader("ETag")))
                                    : Future.failedFuture(storeRefused(response.statusCode(), body.toString())))))
                            .eventually(ignored -> source.close());
                })
                .onSuccess(done::accept)
                .onFailure(failed::accept);
    }

    /** A 5xx of the store is an outage like a refused connection (503 with Retry-After); anything else is a bug. */
    private static Exception storeRefused(int status, String body) {
        String message = "S3 answered %d to an upload: %s".formatted(status,
                body.length() > 300 ? body.substring(0, 300) : body);
        return status >= 500 ? new StoreUnavailableException(message, null) : new IllegalStateException(message);
    }

    /**
     * Vert.x reports a connection that the idle timeout closed, or that the store reset, as exceptions of its own or
     * a plain IOException; they all mean the store is not answering, which {@code DependencyFailure} recognises as a
     * socket failure (503). A 4xx answer ({@link IllegalStateException}) and a local file problem stay what they are.
     */
    private static Throwable unavailable(Throwable failure) {
        if (failure instanceof IllegalStateException || failure instanceof StoreUnavailableException
                || failure instanceof io.vertx.core.file.FileSystemException || failure instanceof java.net.ConnectException) {
            return failure;
        }
        return new StoreUnavailableException("S3 did not take the upload: " + failure, failure);
    }

    /** The store is down, stalled or answered 5xx: a socket failure as far as the caller can tell. */
    static final class StoreUnavailableException extends java.net.SocketException {
        StoreUnavailableException(String message, Throwable cause) {
            super(message);
            initCause(cause);
        }
    }

    @Override
    public Uni<Void> download(String key, Path target) {
        return call(() -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()))
                .map(response -> {
                    try (response) {
                        Files.copy(response, target, StandardCopyOption.REPLACE_EXISTING);
                        return (Void) null;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException("Reading object failed", e);
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @Override
    public Uni<ObjectInfo> stat(String key) {
        return call(() -> client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()))
                .map(stat -> new ObjectInfo(key, stat.size(), stat.contentType(), stat.etag()));
    }

    @Override
    public Uni<byte[]> get(String key) {
        return call(() -> client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build()))
                .map(response -> {
                    try (response) {
                        return response.readAllBytes();
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException("Reading object failed", e);
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    @Override
    public Uni<Void> delete(String key) {
        return call(() -> client.removeObject(RemoveObjectArgs.builder().bucket(bucket).object(key).build()));
    }

    @Override
    public Uni<String> presignedGet(String key, Duration validity) {
        return presign(Http.Method.GET, key, validity);
    }

    @Override
    public Uni<String> presignedPut(String key, Duration validity) {
        return presign(Http.Method.PUT, key, validity);
    }

    private Uni<String> presign(Http.Method method, String key, Duration validity) {
        return Uni.createFrom().item(() -> {
            try {
                return client.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(method)
                        .bucket(bucket).object(key).expiry((int) validity.toSeconds(), TimeUnit.SECONDS).build());
            } catch (Exception e) {
                throw new IllegalStateException("Presigning failed", e);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Runs an upload once a slot is free ({@link StorageConfig#maxConcurrentUploads()}) and frees it when the upload
     * ends. Waits on a worker thread ({@link #call} subscribes there), never on the event loop.
     */
    private <T> java.util.concurrent.CompletableFuture<T> withUploadSlot(Supplier<java.util.concurrent.CompletableFuture<T>> upload) {
        uploadSlots.acquireUninterruptibly();
        java.util.concurrent.CompletableFuture<T> running;
        try {
            running = upload.get();
        } catch (RuntimeException e) {
            uploadSlots.release();
            throw e;
        }
        return running.whenComplete((result, failure) -> uploadSlots.release());
    }

    private <T> Uni<T> call(Supplier<java.util.concurrent.CompletableFuture<T>> request) {
        return Uni.createFrom().completionStage(request)
                .onFailure().transform(MinioObjectStorage::translate)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Throwable translate(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ErrorResponseException error && MISSING_CODES.contains(error.errorResponse().code())) {
            return new ObjectMissingException(error.errorResponse().objectName());
        }
        return cause;
    }
}
