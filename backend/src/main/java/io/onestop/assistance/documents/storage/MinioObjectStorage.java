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
import io.minio.UploadObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
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
 * S3 through the MinIO async client. The client still reads request bodies and signs on the calling thread, so
 * every call is subscribed on the worker pool to keep the event loop free.
 */
@ApplicationScoped
public class MinioObjectStorage implements ObjectStorage {

    private static final Set<String> MISSING_CODES = Set.of("NoSuchKey", "NoSuchObject", "NotFound");
    private static final long PART_SIZE = 10L * 1024 * 1024;
    /**
     * The client buffers each part of a multipart upload on the heap (measured: about two parts at a time), so
     * uploads from files use the smallest part S3 allows (5 MiB): memory per upload is bounded by this, whatever
     * the file size.
     */
    private static final long FILE_PART_SIZE = 5L * 1024 * 1024;

    private final MinioAsyncClient client;
    private final String bucket;
    private final java.util.concurrent.Semaphore uploadSlots;

    public MinioObjectStorage(StorageConfig config) {
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
        return call(() -> withUploadSlot(() -> {
            try {
                return client.uploadObject(UploadObjectArgs.builder().bucket(bucket).object(key)
                        .filename(file.toString(), FILE_PART_SIZE).parallelUploads(1).contentType(contentType).build());
            } catch (io.minio.errors.MinioException e) {
                return java.util.concurrent.CompletableFuture.failedFuture(e);
            }
        })).map(written -> new ObjectInfo(key, sizeOf(file), contentType, written.etag()));
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

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
