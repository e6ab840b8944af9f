package io.onestop.assistance.documents.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.onestop.assistance.testing.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The MinIO client against the real S3 server of the local stack. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class MinioObjectStorageTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    ObjectStorage storage;

    @Test
    void putsStatsAndGetsAnObject() {
        byte[] content = "一份收入证明".getBytes(StandardCharsets.UTF_8);
        String key = "test/" + UUID.randomUUID();
        storage.put(key, new ByteArrayInputStream(content), content.length, "text/plain").await().atMost(WAIT);

        ObjectStorage.ObjectInfo info = storage.stat(key).await().atMost(WAIT);
        assertEquals(content.length, info.size());
        assertEquals("text/plain", info.contentType());
        assertArrayEquals(content, storage.get(key).await().atMost(WAIT));
    }

    @Test
    void presignedUrlsWorkWithAPlainHttpClient() throws Exception {
        String key = "test/" + UUID.randomUUID();
        byte[] content = "%PDF-1.7 minimal".getBytes(StandardCharsets.US_ASCII);

        String put = storage.presignedPut(key, Duration.ofMinutes(5)).await().atMost(WAIT);
        HttpResponse<String> uploaded = http.send(HttpRequest.newBuilder(URI.create(put))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, uploaded.statusCode(), uploaded.body());

        String get = storage.presignedGet(key, Duration.ofMinutes(5)).await().atMost(WAIT);
        HttpResponse<byte[]> fetched = http.send(HttpRequest.newBuilder(URI.create(get)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, fetched.statusCode());
        assertArrayEquals(content, fetched.body());
    }

    @Test
    void streamsAFileOfSeveralMegabytesWithItsExactBytes() throws Exception {
        byte[] content = new byte[6 * 1024 * 1024 + 17]; // not a multiple of any buffer
        new java.util.Random(7).nextBytes(content);
        java.nio.file.Path file = java.nio.file.Files.createTempFile("stream-", ".pdf");
        java.nio.file.Files.write(file, content);
        String key = "test/" + UUID.randomUUID();
        try {
            ObjectStorage.ObjectInfo written = storage.upload(key, file, "application/pdf").await().atMost(WAIT);
            assertEquals(content.length, written.size());

            ObjectStorage.ObjectInfo info = storage.stat(key).await().atMost(WAIT);
            assertEquals(content.length, info.size());
            assertEquals("application/pdf", info.contentType());
            assertArrayEquals(content, storage.get(key).await().atMost(WAIT));
        } finally {
            java.nio.file.Files.delete(file);
            storage.delete(key).await().atMost(WAIT);
        }
    }

    @Test
    void reportsAMissingObjectAsSuch() {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> storage.stat("test/" + UUID.randomUUID()).await().atMost(WAIT));
        assertInstanceOf(ObjectStorage.ObjectMissingException.class, failure);
    }
}
