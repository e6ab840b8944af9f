package io.onestop.assistance.documents.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The streaming multipart parser, fed in chunks of every size so that boundaries fall across chunk edges. */
class MultipartStreamTest {

    private static final String BOUNDARY = "----formdata-undici-0123456789";

    /** What a parse produced. */
    private static final class Collected implements MultipartStream.Listener {
        final Map<String, String> fields = new LinkedHashMap<>();
        final ByteArrayOutputStream file = new ByteArrayOutputStream();
        String filename;
        String contentType;
        int files;
        boolean ended;

        @Override
        public void field(String name, String value) {
            fields.put(name, value);
        }

        @Override
        public boolean fileStart(String name, String filename, String contentType) {
            files++;
            if (!name.equals("file") || this.filename != null) {
                return false;
            }
            this.filename = filename;
            this.contentType = contentType;
            return true;
        }

        @Override
        public void fileData(byte[] bytes, int offset, int length) {
            file.write(bytes, offset, length);
        }

        @Override
        public void fileEnd() {
            ended = true;
        }
    }

    @Test
    void findsFieldsBeforeAndAfterTheFileAndTheFileBytesExactlyWhateverTheChunking() throws Exception {
        Random random = new Random(11);
        byte[] content = new byte[200_000];
        random.nextBytes(content);
        // content that looks like a delimiter start, to catch a partial match carried across chunks
        byte[] lookalike = ("\r\n--" + BOUNDARY.substring(0, 20)).getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(lookalike, 0, content, 1000, lookalike.length);
        System.arraycopy(lookalike, 0, content, content.length - lookalike.length, lookalike.length);
        byte[] body = body(content, "INCOME_PROOF", "m1");
        for (int chunk : new int[] {1, 2, 3, 7, 64, 1000, 8192, 65536, body.length}) {
            Collected collected = parse(body, chunk);
            assertArrayEquals(content, collected.file.toByteArray(), "chunks of " + chunk);
            assertEquals(Map.of("type", "INCOME_PROOF", "memberId", "m1"), collected.fields, "chunks of " + chunk);
            assertEquals("收入 证明.pdf", collected.filename);
            assertEquals("application/pdf", collected.contentType);
            assertTrue(collected.ended);
        }
    }

    @Test
    void anEmptyFileIsAFileOfNoBytes() throws Exception {
        Collected collected = parse(body(new byte[0], "OTHER", null), 5);
        assertEquals(0, collected.file.size());
        assertTrue(collected.ended);
    }

    @Test
    void aBodyWithoutItsClosingBoundaryIsIncomplete() {
        byte[] body = body(new byte[5000], "OTHER", null);
        byte[] cut = java.util.Arrays.copyOf(body, body.length - BOUNDARY.length() - 8);
        MultipartStream.MalformedException failure = assertThrows(MultipartStream.MalformedException.class,
                () -> parse(cut, 100));
        assertTrue(failure.getMessage().contains("incomplete"), failure.getMessage());
    }

    @Test
    void aSecondFilePartIsSkipped() throws Exception {
        String head = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n"
                + "first\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"b.pdf\"\r\n\r\n"
                + "second\r\n--" + BOUNDARY + "--\r\n";
        Collected collected = parse(head.getBytes(StandardCharsets.UTF_8), 3);
        assertEquals("first", collected.file.toString(StandardCharsets.UTF_8));
        assertEquals(2, collected.files);
    }

    @Test
    void aFieldLongerThanItsLimitIsRefused() {
        String body = "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + "x".repeat(5000)
                + "\r\n--" + BOUNDARY + "--\r\n";
        assertThrows(MultipartStream.MalformedException.class, () -> parse(body.getBytes(StandardCharsets.UTF_8), 512));
    }

    @Test
    void readsTheBoundaryOfTheContentType() {
        assertEquals("abc", MultipartStream.boundary("multipart/form-data; boundary=abc"));
        assertEquals("a b", MultipartStream.boundary("Multipart/Form-Data; charset=utf-8; boundary=\"a b\""));
        assertNull(MultipartStream.boundary("application/json"));
        assertNull(MultipartStream.boundary("multipart/form-data"));
        assertEquals("x.pdf", MultipartStream.parameter("form-data; name=\"file\"; filename=\"x.pdf\"", "filename"));
        assertEquals("file", MultipartStream.parameter("form-data; name=file; filename=\"x.pdf\"", "name"));
        assertNull(MultipartStream.parameter("form-data; name=\"type\"", "filename"));
    }

    private static Collected parse(byte[] body, int chunk) throws MultipartStream.MalformedException {
        Collected collected = new Collected();
        MultipartStream parser = new MultipartStream(BOUNDARY, 4096, collected);
        for (int offset = 0; offset < body.length; offset += chunk) {
            int length = Math.min(chunk, body.length - offset);
            byte[] piece = java.util.Arrays.copyOfRange(body, offset, offset + length); // as a fresh network buffer
            parser.feed(piece, 0, length);
        }
        parser.end();
        return collected;
    }

    /** A body as browsers and wx.uploadFile send it: a field, the file, another field after it. */
    private static byte[] body(byte[] content, String type, String memberId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"收入 证明.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        if (memberId != null) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"memberId\"\r\n\r\n" + memberId
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
