package io.onestop.assistance.documents.storage;

import io.smallrye.mutiny.Uni;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where document bytes live. The real implementation speaks S3 through the MinIO client; callers never hold a
 * database transaction open while they call it (upload first, then record).
 */
public interface ObjectStorage {

    /** Metadata of a stored object. */
    record ObjectInfo(String key, long size, String contentType, String etag) {
    }

    /** Creates the bucket when it does not exist yet. */
    Uni<Void> ensureBucket();

    /** Streams {@code size} bytes to {@code key}; the stream is read on a worker thread, never the event loop. */
    Uni<ObjectInfo> put(String key, InputStream content, long size, String contentType);

    /**
     * Uploads a file; the client reads it part by part from disk, so no heap buffer grows with the file. Blocking
     * reads happen on a worker thread.
     */
    Uni<ObjectInfo> upload(String key, Path file, String contentType);

    /** Streams the object into {@code target} (replacing it) on a worker thread, never holding it in memory. */
    Uni<Void> download(String key, Path target);

    /** Metadata of {@code key}, or a failure with {@link ObjectMissingException} when there is none. */
    Uni<ObjectInfo> stat(String key);

    /** The whole object; for documents up to the upload size limit. */
    Uni<byte[]> get(String key);

    Uni<Void> delete(String key);

    /** A URL that lets its holder GET the object until it expires. */
    Uni<String> presignedGet(String key, Duration validity);

    /** A URL that lets its holder PUT exactly this key until it expires. */
    Uni<String> presignedPut(String key, Duration validity);

    /** The object does not exist. */
    class ObjectMissingException extends RuntimeException {
        public ObjectMissingException(String key) {
            super("No object " + key, null, false, false);
        }
    }
}
