package io.onestop.assistance.documents.inspection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.onestop.assistance.documents.TestFiles;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** JPEG scan data is copied in blocks: every stuffed byte, restart marker and fill byte must come out as before. */
class MetadataStripperTest {

    @Test
    void copiesScanDataExactlyWhereverTheMarkersFallAndDropsTheMetadata() throws Exception {
        Random random = new Random(5);
        for (int size : new int[] {0, 1, 100, 8191, 8192, 8193, 70_000, 1_000_000}) {
            ByteArrayOutputStream original = new ByteArrayOutputStream();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            TestFiles.jpegHeader(original, true);
            TestFiles.jpegHeader(expected, false);
            for (int i = 0; i < size; i++) {
                int kind = random.nextInt(1000);
                if (kind == 0) { // restart marker
                    int rst = 0xD0 + random.nextInt(8);
                    both(original, expected, 0xFF, rst);
                } else if (kind == 1) { // fill bytes before a restart marker: dropped
                    original.write(0xFF);
                    both(original, expected, 0xFF, 0xD3);
                } else {
                    int b = random.nextInt(256);
                    both(original, expected, b);
                    if (b == 0xFF) {
                        both(original, expected, 0x00); // byte stuffing
                    }
                }
            }
            both(original, expected, 0xFF, 0xD9);
            original.writeBytes("trailer GPS".getBytes(StandardCharsets.ISO_8859_1));

            Path source = Files.createTempFile("strip-", ".jpg");
            Path target = Files.createTempFile("stripped-", ".jpg");
            try {
                Files.write(source, original.toByteArray());
                ImageSize image = MetadataStripper.copyWithoutMetadata(DocumentFormat.JPEG, source, target);
                assertEquals(640, image.width());
                assertEquals(480, image.height());
                assertArrayEquals(expected.toByteArray(), Files.readAllBytes(target), "scan of " + size + " bytes");
            } finally {
                Files.delete(source);
                Files.delete(target);
            }
        }
    }

    @Test
    void aScanCutOffIsUnreadable() throws Exception {
        ByteArrayOutputStream original = new ByteArrayOutputStream();
        TestFiles.jpegHeader(original, true);
        original.writeBytes(new byte[20_000]); // no end of image
        Path source = Files.createTempFile("cut-", ".jpg");
        Path target = Files.createTempFile("cut-out-", ".jpg");
        try {
            Files.write(source, original.toByteArray());
            assertThrows(UnreadableContentException.class,
                    () -> MetadataStripper.copyWithoutMetadata(DocumentFormat.JPEG, source, target));
        } finally {
            Files.delete(source);
            Files.delete(target);
        }
    }

    private static void both(ByteArrayOutputStream a, ByteArrayOutputStream b, int... bytes) {
        for (int x : bytes) {
            a.write(x);
            b.write(x);
        }
    }
}
