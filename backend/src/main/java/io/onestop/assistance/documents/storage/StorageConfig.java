package io.onestop.assistance.documents.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** S3 connection of the document store. */
@ConfigMapping(prefix = "assistance.storage")
public interface StorageConfig {

    /** S3 endpoint URL, e.g. http://127.0.0.1:9000 (s3proxy locally, MinIO in production). */
    @WithDefault("http://127.0.0.1:9000")
    String endpoint();

    /** Access key id. */
    String accessKey();

    /** Secret key. */
    String secretKey();

    /** Bucket that holds every document; created at start when missing. */
    @WithDefault("assistance-documents")
    String bucket();

    /** Signing region; fixed so that presigning never needs a network round trip to discover it. */
    @WithDefault("us-east-1")
    String region();

    /** TCP connect timeout: a store that is down is reported at once (503), not after the client's 5 minutes. */
    @WithDefault("2S")
    Duration connectTimeout();

    /**
     * Longest wait for the store's answer once a request is sent: a paused or hung store fails an upload after this
     * (503 with Retry-After) instead of holding the resident's request open.
     */
    @WithDefault("5S")
    Duration readTimeout();

    /** Longest stall while sending one part of an upload. */
    @WithDefault("10S")
    Duration writeTimeout();

    /**
     * Uploads sent to the store at once by this instance: the connections of the streamed document uploads (the rest
     * wait in the connection pool's queue, holding no thread), and the MinIO client's puts from a stream, which hold
     * each part (up to 10 MiB, in a growing buffer) in memory while they send it, so this bounds their heap.
     * Measured: 32 concurrent 8 MB uploads ran a 128 MiB heap out of memory through the MinIO client without it.
     */
    @WithDefault("4")
    int maxConcurrentUploads();
}
