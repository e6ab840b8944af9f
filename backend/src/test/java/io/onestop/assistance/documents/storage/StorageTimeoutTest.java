package io.onestop.assistance.documents.storage;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.common.DependencyFailure;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A paused S3 store (kill -STOP: connections are accepted by the kernel, nothing ever answers) or a stopped one fails
 * the call within the configured timeouts, as a dependency failure (503), instead of hanging for the MinIO client's
 * default 5 minutes. (Found by infra/bench/faults.)
 */
class StorageTimeoutTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stop() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aStoreThatNeverAnswersFailsWithinTheReadTimeout() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ObjectStorage storage = new MinioObjectStorage(config("http://127.0.0.1:" + silent.getLocalPort()), vertx);
            long start = System.nanoTime();
            RuntimeException failure = assertThrows(RuntimeException.class, () -> storage
                    .put("test/timeout", new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, "text/plain")
                    .await().atMost(WAIT));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 5_000, "took " + millis + " ms");
            assertTrue(DependencyFailure.isUnavailable(failure), failure.toString());
        }
    }

    @Test
    void aStoppedStoreFailsAtOnce() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        ObjectStorage storage = new MinioObjectStorage(config("http://127.0.0.1:" + port), vertx);
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> storage.stat("test/missing").await().atMost(WAIT));
        assertTrue(DependencyFailure.isUnavailable(failure), failure.toString());
    }

    @Test
    void aStreamedUploadToAStoreThatNeverAnswersFailsWithinTheReadTimeout() throws Exception {
        Path file = Files.createTempFile("timeout-", ".bin");
        Files.write(file, new byte[3 * 1024 * 1024]); // more than the socket buffers take: the sending stalls
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            ObjectStorage storage = new MinioObjectStorage(config("http://127.0.0.1:" + silent.getLocalPort()), vertx);
            long start = System.nanoTime();
            RuntimeException failure = assertThrows(RuntimeException.class,
                    () -> storage.upload("test/timeout", file, "application/pdf").await().atMost(WAIT));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertTrue(millis < 5_000, "took " + millis + " ms");
            assertTrue(DependencyFailure.isUnavailable(failure), failure.toString());
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aStreamedUploadToAStoppedStoreFailsAtOnce() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Path file = Files.createTempFile("stopped-", ".bin");
        Files.write(file, new byte[] {1, 2, 3});
        try {
            ObjectStorage storage = new MinioObjectStorage(config("http://127.0.0.1:" + port), vertx);
            RuntimeException failure = assertThrows(RuntimeException.class,
                    () -> storage.upload("test/stopped", file, "application/pdf").await().atMost(WAIT));
            assertTrue(DependencyFailure.isUnavailable(failure), failure.toString());
        } finally {
            Files.delete(file);
        }
    }

    private static StorageConfig config(String endpoint) {
        return new StorageConfig() {
            public String endpoint() {
                return endpoint;
            }

            public String accessKey() {
                return "assistance";
            }

            public String secretKey() {
                return "assistance-secret";
            }

            public String bucket() {
                return "assistance-test";
            }

            public String region() {
                return "us-east-1";
            }

            public Duration connectTimeout() {
                return Duration.ofSeconds(1);
            }

            public Duration readTimeout() {
                return Duration.ofSeconds(1);
            }

            public Duration writeTimeout() {
                return Duration.ofSeconds(1);
            }

            @Override
            public int maxConcurrentUploads() {
                return 4;
            }
        };
    }
}
