package io.onestop.assistance.documents.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.onestop.assistance.documents.Applications;
import io.onestop.assistance.documents.DocumentHousekeeping;
import io.onestop.assistance.documents.TestFiles;
import io.onestop.assistance.documents.storage.ObjectStorage;
import io.onestop.assistance.testing.LocalStackResource;
import io.onestop.assistance.testing.OnVertx;
import io.onestop.assistance.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** Both upload paths and every content check, against the real S3 server and PostgreSQL of the local stack. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class DocumentUploadTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int MB = 1024 * 1024;
    private final HttpClient http = HttpClient.newHttpClient();

    @TestHTTPResource("/")
    URL server;

    @Inject
    ObjectStorage storage;

    @Inject
    DocumentHousekeeping housekeeping;

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Test
    void streamsA15MegabyteUploadWithBoundedHeapAndStoresTheExactBytes() throws Exception {
        String draftId = Applications.draft("resident1");
        Path file = Files.createTempFile("upload-", ".pdf");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[MB];
            for (int i = 0; i < 15; i++) {
                ThreadLocalRandom.current().nextBytes(block);
                out.write(block);
            }
        }
        long size = Files.size(file);

        // G1 puts every array larger than half a region straight into the old generation: a server that held the
        // file in one array would raise the old generation's peak by its 15 MB. The MinIO client itself buffers its
        // 5 MiB upload parts there (measured ~24 MB per upload, the same for 15 MB and 45 MB files), so the bound
        // is that constant plus less than the file.
        List<MemoryPoolMXBean> oldGeneration = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getName().contains("Old")).toList();
        System.gc();
        long before = oldGeneration.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        oldGeneration.forEach(MemoryPoolMXBean::resetPeakUsage);

        long started = System.nanoTime();
        HttpResponse<String> answer = http.send(multipart("/api/v1/drafts/" + draftId + "/documents", file, "INCOME_PROOF"),
                HttpResponse.BodyHandlers.ofString());
        double streamedSeconds = (System.nanoTime() - started) / 1e9;
        long peakGrowth = oldGeneration.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() - before;

        assertEquals(201, answer.statusCode(), answer.body());
        assertTrue(peakGrowth < 32L * MB, "old generation grew by " + peakGrowth / MB + " MB during a 15 MB upload");
        String documentId = io.restassured.path.json.JsonPath.from(answer.body()).getString("id");
        String key = "documents/" + draftId + "/" + documentId;
        assertEquals(size, storage.stat(key).await().atMost(WAIT).size());
        Path stored = Files.createTempFile("stored-", ".pdf");
        storage.download(key, stored).await().atMost(WAIT);
        assertEquals(sha256(file), sha256(stored));
        assertEquals(sha256(file), io.restassured.path.json.JsonPath.from(answer.body()).getString("sha256"));

        // the same bytes with a plain presigned PUT to the same S3 server, for the upload note
        String url = storage.presignedPut("test/" + UUID.randomUUID(), Duration.ofMinutes(5)).await().atMost(WAIT);
        started = System.nanoTime();
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        double putSeconds = (System.nanoTime() - started) / 1e9;
        assertEquals(200, put.statusCode(), put.body());
        System.out.printf("UPLOAD-MEASUREMENT size=%d bytes, path 1 (multipart through backend) %.1f MB/s (%.2f s), "
                        + "plain presigned PUT %.1f MB/s (%.2f s), old-generation peak growth %d KB%n",
                size, size / 1e6 / streamedSeconds, streamedSeconds, size / 1e6 / putSeconds, putSeconds, peakGrowth / 1024);
        Files.delete(file);
        Files.delete(stored);
    }

    @Test
    void streamsAJpegOfSeveralMegabytesWithoutItsMetadataAndTheHashOfWhatIsStored() throws Exception {
        String draftId = Applications.draft("resident1");
        byte[] original = TestFiles.jpegWithGps(6 * MB);
        Path file = Files.createTempFile("photo-", ".jpg");
        Files.write(file, original);
        // the type field after the file: the form is only complete at its end
        HttpResponse<String> answer = http.send(multipart("/api/v1/drafts/" + draftId + "/documents", file, "ID_CARD",
                false, true), HttpResponse.BodyHandlers.ofString());
        Files.delete(file);

        assertEquals(201, answer.statusCode(), answer.body());
        io.restassured.path.json.JsonPath json = io.restassured.path.json.JsonPath.from(answer.body());
        assertEquals("ID_CARD", json.getString("type"));
        byte[] stored = storage.get("documents/" + draftId + "/" + json.getString("id")).await().atMost(WAIT);
        // whole phrases: 6 MB of random scan data hold a three-letter "GPS" by chance about one time in three
        assertTrue(TestFiles.contains(original, "GPSLatitude 37.8 N"));
        assertFalse(TestFiles.contains(stored, "GPSLatitude 37.8 N"), "the Exif GPS position survived");
        assertFalse(TestFiles.contains(stored, "GPS trailer"), "bytes after the end of image survived");
        assertTrue(stored.length > 6 * MB && stored.length < original.length, "only the metadata went: " + stored.length);
        assertEquals(stored.length, json.getLong("size"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)), json.getString("sha256"));
    }

    @Test
    void refusesABodyCutOffBeforeItsClosingBoundaryAndKeepsNothing() throws Exception {
        String draftId = Applications.draft("resident1");
        Path file = Files.createTempFile("cut-", ".pdf");
        Files.write(file, TestFiles.pdf());
        HttpResponse<String> answer = http.send(multipart("/api/v1/drafts/" + draftId + "/documents", file, "INCOME_PROOF",
                true, false), HttpResponse.BodyHandlers.ofString());
        Files.delete(file);

        assertEquals(422, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(null));
        assertTrue(answer.body().contains("urn:assistance:problem:malformed-upload"), answer.body());
        assertNoDocumentRow(draftId);
    }

    @Test
    void refusesAnOversizeOrWrongTypeStreamWithoutARowOrAnObject() {
        String draftId = Applications.draft("resident1");
        byte[] content = new byte[20 * MB + 1];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 9);
        refused(Applications.upload("resident1", "/api/v1/drafts/" + draftId, "INCOME_PROOF", "big.pdf", content,
                "application/pdf"), 413, "document-too-large");
        refused(Applications.upload("resident1", "/api/v1/drafts/" + draftId, "ID_CARD", "id.png",
                "<html></html>".getBytes(StandardCharsets.UTF_8), "image/png"), 422, "unsupported-content");
        refused(Applications.upload("resident1", "/api/v1/drafts/" + draftId, "NO_SUCH_TYPE", "a.pdf", TestFiles.pdf(),
                "application/pdf"), 422, "validation");
        assertNoDocumentRow(draftId);
    }

    @Test
    void answersAClientThatWaitsFor100ContinueBeforeSendingTheBody() throws Exception {
        String draftId = Applications.draft("resident1");
        Path file = Files.createTempFile("continue-", ".pdf");
        byte[] content = new byte[2 * MB];
        ThreadLocalRandom.current().nextBytes(content);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 9);
        Files.write(file, content);
        HttpRequest request = HttpRequest.newBuilder(multipart("/api/v1/drafts/" + draftId + "/documents", file,
                "INCOME_PROOF", false, false), (name, value) -> true).expectContinue(true).timeout(Duration.ofSeconds(20))
                .version(HttpClient.Version.HTTP_1_1) // as curl sends it: no h2c upgrade, which answers 101 first
                .build();
        HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        Files.delete(file);
        assertEquals(201, answer.statusCode(), answer.body());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)),
                io.restassured.path.json.JsonPath.from(answer.body()).getString("sha256"));
    }

    @Test
    void takesTheFormAsTheVertxMultipartEncoderOfTheGatewaySendsIt() throws Exception {
        // miniprogram-api relays wx.uploadFile with the Quarkus REST client, whose multipart encoder is Netty's
        // (lower-case part headers, a content-length and content-transfer-encoding per part, chunked body)
        String draftId = Applications.draft("resident1");
        byte[] content = new byte[3 * MB];
        ThreadLocalRandom.current().nextBytes(content);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 9);
        io.vertx.ext.web.client.WebClient client = io.vertx.ext.web.client.WebClient.create(vertx);
        try {
            io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> answer = client
                    .postAbs(server.toURI().resolve("/api/v1/drafts/" + draftId + "/documents").toString())
                    .bearerTokenAuthentication(Tokens.of("resident1"))
                    .sendMultipartForm(io.vertx.ext.web.multipart.MultipartForm.create()
                            .attribute("type", "INCOME_PROOF")
                            .binaryFileUpload("file", "收入证明.pdf", io.vertx.core.buffer.Buffer.buffer(content), "application/pdf")
                            .attribute("memberId", "m1"))
                    .toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(201, answer.statusCode(), answer.bodyAsString());
            io.restassured.path.json.JsonPath json = io.restassured.path.json.JsonPath.from(answer.bodyAsString());
            assertEquals("m1", json.getString("memberId"));
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)), json.getString("sha256"));
        } finally {
            client.close();
        }
    }

    /** No document row at all for the draft, so no object can be referenced either. */
    private void assertNoDocumentRow(String draftId) {
        long rows = OnVertx.await(vertx, () -> pool.preparedQuery("select count(*) from document where draft_id = $1")
                .execute(Tuple.of(UUID.fromString(draftId))).map(result -> result.iterator().next().getLong(0)));
        assertEquals(0, rows, "document rows left behind");
    }

    @Test
    void presignedPutThenConfirmCountsTheDocumentAfterCheckingIt() throws Exception {
        String intakeId = Applications.intake("resident1");
        byte[] content = TestFiles.pdf();
        ExtractableResponse<Response> ticket = given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON)
                .body("{\"type\":\"MEDICAL_BILLS\",\"memberId\":\"m1\",\"size\":" + content.length
                        + ",\"contentType\":\"application/pdf\"}")
                .when().post("/api/v1/intakes/" + intakeId + "/document-uploads").then().extract();
        assertEquals(201, ticket.statusCode(), ticket.asString());
        String documentId = ticket.path("documentId");
        assertEquals("application/pdf", ticket.path("requiredHeaders.Content-Type"));
        assertTrue(OffsetDateTime.parse(ticket.path("expiresAt")).isAfter(OffsetDateTime.now()));

        String confirmPath = "/api/v1/intakes/" + intakeId + "/documents/" + documentId + "/confirm";
        given().auth().oauth2(Tokens.of("resident1")).when().post(confirmPath)
                .then().statusCode(409).body("type", equalTo("urn:assistance:problem:upload-missing"));

        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(ticket.path("url")))
                .header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());

        ExtractableResponse<Response> confirmed = given().auth().oauth2(Tokens.of("resident1")).when().post(confirmPath)
                .then().extract();
        assertEquals(201, confirmed.statusCode(), confirmed.asString());
        assertEquals("UPLOADED", confirmed.path("status"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)), confirmed.path("sha256"));
        assertTrue(confirmed.header("Location").endsWith("/api/v1/intakes/" + intakeId + "/documents/" + documentId));
        // confirming again is harmless
        given().auth().oauth2(Tokens.of("resident1")).when().post(confirmPath).then().statusCode(200);

        given().auth().oauth2(Tokens.of("resident1")).when().get("/api/v1/intakes/" + intakeId + "/checklist")
                .then().statusCode(200)
                .body("items.find { it.type == 'MEDICAL_BILLS' }.status", equalTo("UPLOADED"));
    }

    @Test
    void confirmOfAPresignedHeicStoresItWithItsExifBlankedThoughTheSizeStaysTheSame() throws Exception {
        String draftId = Applications.draft("resident1");
        byte[] original = TestFiles.heicWithGps(TestFiles.random(4096));
        ExtractableResponse<Response> ticket = given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON)
                .body("{\"type\":\"ID_CARD\",\"size\":" + original.length + ",\"contentType\":\"image/heic\"}")
                .when().post("/api/v1/drafts/" + draftId + "/document-uploads").then().statusCode(201).extract();
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(URI.create(ticket.path("url")))
                .header("Content-Type", "image/heic").PUT(HttpRequest.BodyPublishers.ofByteArray(original)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());

        ExtractableResponse<Response> confirmed = given().auth().oauth2(Tokens.of("resident1"))
                .when().post("/api/v1/drafts/" + draftId + "/documents/" + ticket.path("documentId") + "/confirm")
                .then().extract();
        assertEquals(201, confirmed.statusCode(), confirmed.asString());
        byte[] stored = storage.get("documents/" + draftId + "/" + ticket.path("documentId")).await().atMost(WAIT);
        assertEquals(original.length, stored.length);
        assertFalse(TestFiles.contains(stored, "GPS"), "the stored object still holds the GPS position");
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(stored)), confirmed.path("sha256"));
    }

    @Test
    void confirmRefusesAnObjectOfAnotherSizeThanAnnouncedAndRemovesIt() throws Exception {
        String draftId = Applications.draft("resident1");
        byte[] content = TestFiles.pdf();
        ExtractableResponse<Response> ticket = given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON)
                .body("{\"type\":\"INCOME_PROOF\",\"size\":" + (content.length + 10) + ",\"contentType\":\"application/pdf\"}")
                .when().post("/api/v1/drafts/" + draftId + "/document-uploads").then().statusCode(201).extract();
        http.send(HttpRequest.newBuilder(URI.create(ticket.path("url"))).header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());

        given().auth().oauth2(Tokens.of("resident1"))
                .when().post("/api/v1/drafts/" + draftId + "/documents/" + ticket.path("documentId") + "/confirm")
                .then().statusCode(422).contentType(equalTo("application/problem+json"))
                .body("type", equalTo("urn:assistance:problem:size-mismatch"));
    }

    @Test
    void acceptsAPdfNamedJpgBecauseTheContentDecides() {
        String draftId = Applications.draft("resident1");
        ExtractableResponse<Response> answer = Applications.upload("resident1", "/api/v1/drafts/" + draftId,
                "INCOME_PROOF", "scan.jpg", TestFiles.pdf(), "image/jpeg");
        assertEquals(201, answer.statusCode(), answer.asString());
        assertEquals("application/pdf", answer.path("contentType"));
    }

    @Test
    void refusesHtmlNamedPng() {
        refused(Applications.upload("resident1", "/api/v1/drafts/" + Applications.draft("resident1"), "ID_CARD",
                "id.png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), "image/png"),
                422, "unsupported-content");
    }

    @Test
    void refusesAnEmptyFile() {
        refused(Applications.upload("resident1", "/api/v1/drafts/" + Applications.draft("resident1"), "ID_CARD",
                "id.jpg", new byte[0], "image/jpeg"), 422, "empty-document");
    }

    @Test
    void refusesAFileOneByteOverTheLimit() {
        byte[] content = new byte[20 * MB + 1];
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, content, 0, 9);
        refused(Applications.upload("resident1", "/api/v1/drafts/" + Applications.draft("resident1"), "INCOME_PROOF",
                "big.pdf", content, "application/pdf"), 413, "document-too-large");
    }

    @Test
    void refusesAPngDeclaring50000By50000Pixels() {
        refused(Applications.upload("resident1", "/api/v1/drafts/" + Applications.draft("resident1"), "ID_CARD",
                "flood.png", TestFiles.png(50_000, 50_000), "image/png"), 422, "image-too-large");
    }

    @Test
    void refusesThe31stDocumentOfOneApplication() {
        String base = "/api/v1/drafts/" + Applications.draft("resident1");
        for (int i = 0; i < 30; i++) {
            assertEquals(201, Applications.upload("resident1", base, "OTHER", "p.png", TestFiles.png(10, 10), "image/png")
                    .statusCode());
        }
        refused(Applications.upload("resident1", base, "OTHER", "p.png", TestFiles.png(10, 10), "image/png"),
                409, "too-many-documents");
    }

    @Test
    void removesExifGpsAndCommentsFromAJpegBeforeStorage() {
        String draftId = Applications.draft("resident1");
        byte[] original = TestFiles.jpegWithGps();
        ExtractableResponse<Response> answer = Applications.upload("resident1", "/api/v1/drafts/" + draftId,
                "ID_CARD", "photo.jpg", original, "image/jpeg");
        assertEquals(201, answer.statusCode(), answer.asString());

        byte[] stored = storage.get("documents/" + draftId + "/" + answer.path("id")).await().atMost(WAIT);
        assertFalse(TestFiles.contains(stored, "GPS"), "GPS bytes survived");
        assertFalse(TestFiles.contains(stored, "Exif"), "the Exif segment survived");
        for (int i = 0; i + 1 < stored.length && !(stored[i] == (byte) 0xFF && stored[i + 1] == (byte) 0xDA); i++) {
            assertFalse(stored[i] == (byte) 0xFF && stored[i + 1] == (byte) 0xE1, "an APP1 segment survived at " + i);
        }
        assertTrue(TestFiles.contains(stored, "JFIF"), "the JFIF header is kept");
        assertEquals((byte) 0xD9, stored[stored.length - 1], "ends at the end-of-image marker");
        assertNotEquals(original.length, stored.length);
        assertEquals(stored.length, (int) answer.path("size"));
    }

    @Test
    void blanksTheExifItemOfAHeicAndKeepsThePicture() {
        String draftId = Applications.draft("resident1");
        byte[] picture = TestFiles.random(4096);
        byte[] original = TestFiles.heicWithGps(picture);
        ExtractableResponse<Response> answer = Applications.upload("resident1", "/api/v1/drafts/" + draftId,
                "ID_CARD", "IMG_0001.HEIC", original, "image/heic");
        assertEquals(201, answer.statusCode(), answer.asString());
        assertEquals("image/heic", answer.path("contentType"));

        byte[] stored = storage.get("documents/" + draftId + "/" + answer.path("id")).await().atMost(WAIT);
        assertTrue(TestFiles.contains(original, "GPS"));
        assertFalse(TestFiles.contains(stored, "GPS"), "GPS bytes survived");
        assertEquals(original.length, stored.length, "nothing moved, so every offset in the file still holds");
        assertTrue(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains(new String(picture, java.nio.charset.StandardCharsets.ISO_8859_1)), "the picture is intact");
    }

    @Test
    void removesTextChunksFromAPng() {
        String draftId = Applications.draft("resident1");
        ExtractableResponse<Response> answer = Applications.upload("resident1", "/api/v1/drafts/" + draftId,
                "ID_CARD", "photo.png", TestFiles.png(20, 20), "image/png");
        byte[] stored = storage.get("documents/" + draftId + "/" + answer.path("id")).await().atMost(WAIT);
        assertFalse(TestFiles.contains(stored, "tEXt"));
        assertTrue(TestFiles.contains(stored, "IDAT"));
    }

    @Test
    void storesTheSameBytesOnceAndAnswersTheFirstDocument() {
        String base = "/api/v1/drafts/" + Applications.draft("resident1");
        byte[] content = TestFiles.pdf();
        ExtractableResponse<Response> first = Applications.upload("resident1", base, "INCOME_PROOF", "a.pdf", content, "application/pdf");
        ExtractableResponse<Response> again = Applications.upload("resident1", base, "INCOME_PROOF", "b.pdf", content, "application/pdf");
        assertEquals(201, first.statusCode());
        assertEquals(200, again.statusCode());
        assertEquals((String) first.path("id"), again.path("id"));
        assertEquals(first.header("Location"), again.header("Location"));
        refused(Applications.upload("resident1", base, "HOUSE_LEASE", "c.pdf", content, "application/pdf"),
                409, "duplicate-document");
        given().auth().oauth2(Tokens.of("resident1")).when().get(base + "/checklist").then().statusCode(200)
                .body("documentCount", equalTo(1));
    }

    @Test
    void checklistMergesTheDocumentsOfEveryProgramOnce() {
        String base = "/api/v1/drafts/" + Applications.draft("resident1");
        Applications.upload("resident1", base, "ID_CARD", "id.png", TestFiles.png(30, 20), "image/png");
        given().auth().oauth2(Tokens.of("resident1")).when().get(base + "/checklist").then().statusCode(200)
                // example A: MLA (ID card, register, income), education (ID card, enrolment), employment (ID card, unemployment)
                .body("items.type", equalTo(List.of("ID_CARD", "HOUSEHOLD_REGISTER", "INCOME_PROOF",
                        "SCHOOL_ENROLMENT_PROOF", "UNEMPLOYMENT_REGISTRATION", "VERIFICATION_CONSENT", "OTHER")))
                .body("items[0].programs", equalTo(List.of("MINIMUM_LIVING_ALLOWANCE", "EDUCATION_ASSISTANCE",
                        "EMPLOYMENT_ASSISTANCE")))
                .body("items[0].status", equalTo("UPLOADED"))
                .body("items[0].name.zh", equalTo("身份证"))
                .body("items[1].status", equalTo("MISSING"))
                .body("items.find { it.type == 'OTHER' }.required", equalTo(false));
    }

    @Test
    void draftDocumentsFollowTheDraftIntoItsIntakeOnSubmission() {
        String draftId = Applications.draft("resident1");
        String documentId = Applications.upload("resident1", "/api/v1/drafts/" + draftId, "INCOME_PROOF", "p.pdf",
                TestFiles.pdf(), "application/pdf").path("id");
        String intakeId = Applications.submit("resident1", draftId);

        given().auth().oauth2(Tokens.of("resident1")).when().get("/api/v1/intakes/" + intakeId + "/documents/" + documentId)
                .then().statusCode(200).body("type", equalTo("INCOME_PROOF"));
        given().auth().oauth2(Tokens.of("resident1")).when().get("/api/v1/intakes/" + intakeId + "/checklist")
                .then().statusCode(200).body("items.find { it.type == 'INCOME_PROOF' }.status", equalTo("UPLOADED"));
        // submitted documents are evidence now
        given().auth().oauth2(Tokens.of("resident1")).when().delete("/api/v1/intakes/" + intakeId + "/documents/" + documentId)
                .then().statusCode(409);
    }

    @Test
    void deletingADraftDocumentDiscardsItAndTheSweeperRemovesItsObject() {
        String draftId = Applications.draft("resident1");
        ExtractableResponse<Response> uploaded = Applications.upload("resident1", "/api/v1/drafts/" + draftId, "OTHER",
                "p.pdf", TestFiles.pdf(), "application/pdf");
        String key = "documents/" + draftId + "/" + uploaded.path("id");
        given().auth().oauth2(Tokens.of("resident1")).when().delete("/api/v1/drafts/" + draftId + "/documents/" + uploaded.path("id"))
                .then().statusCode(204);
        given().auth().oauth2(Tokens.of("resident1")).when().get("/api/v1/drafts/" + draftId + "/documents/" + uploaded.path("id"))
                .then().statusCode(404);

        OnVertx.await(vertx, housekeeping::sweep);
        assertTrue(objectMissing(key), "the object of a discarded document was swept");
    }

    @Test
    void sweeperRemovesUploadsNeverConfirmedAfterTheirTime() throws Exception {
        String draftId = Applications.draft("resident1");
        byte[] content = TestFiles.pdf();
        ExtractableResponse<Response> ticket = given().auth().oauth2(Tokens.of("resident1")).contentType(ContentType.JSON)
                .body("{\"type\":\"INCOME_PROOF\",\"size\":" + content.length + ",\"contentType\":\"application/pdf\"}")
                .when().post("/api/v1/drafts/" + draftId + "/document-uploads").then().statusCode(201).extract();
        http.send(HttpRequest.newBuilder(URI.create(ticket.path("url"))).header("Content-Type", "application/pdf")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());
        UUID documentId = UUID.fromString(ticket.path("documentId"));

        OnVertx.await(vertx, housekeeping::sweep);
        assertFalse(objectMissing("documents/" + draftId + "/" + documentId), "a fresh upload is left alone");

        OnVertx.await(vertx, () -> pool.preparedQuery("update document set upload_expires_at = now() - interval '1 minute' where id = $1")
                .execute(Tuple.of(documentId)));
        OnVertx.await(vertx, housekeeping::sweep);
        assertTrue(objectMissing("documents/" + draftId + "/" + documentId), "the abandoned object was swept");
        given().auth().oauth2(Tokens.of("resident1"))
                .when().post("/api/v1/drafts/" + draftId + "/documents/" + documentId + "/confirm").then().statusCode(404);
    }

    private boolean objectMissing(String key) {
        try {
            storage.stat(key).await().atMost(WAIT);
            return false;
        } catch (ObjectStorage.ObjectMissingException e) {
            return true;
        }
    }

    private static void refused(ExtractableResponse<Response> answer, int status, String type) {
        assertEquals(status, answer.statusCode(), answer.asString());
        assertEquals("application/problem+json", answer.contentType());
        assertEquals("urn:assistance:problem:" + type, answer.path("type"));
        assertTrue(((String) answer.path("detail")).length() > 10, "the detail says what is wrong");
    }

    private HttpRequest multipart(String path, Path file, String type) throws Exception {
        return multipart(path, file, type, false, false);
    }

    /**
     * A streamed multipart body: the file part comes from disk, never from one byte array; {@code cut} leaves out the
     * closing boundary (a client that stopped early), {@code typeLast} puts the type field after the file.
     */
    private HttpRequest multipart(String path, Path file, String type, boolean cut, boolean typeLast) throws Exception {
        String boundary = "----upload" + UUID.randomUUID();
        String typePart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n";
        String head = (typeLast ? "" : typePart)
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"income.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        String tail = cut ? "\r\n" : "\r\n" + (typeLast ? typePart : "") + "--" + boundary + "--\r\n";
        return HttpRequest.newBuilder(server.toURI().resolve(path))
                .header("Authorization", "Bearer " + Tokens.of("resident1"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofFile(file),
                        HttpRequest.BodyPublishers.ofString(tail)))
                .build();
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
