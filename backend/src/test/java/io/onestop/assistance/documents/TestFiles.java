package io.onestop.assistance.documents;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/** Small files built byte by byte, so a test says exactly what the server gets: structure, not real photos. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A structurally valid PNG declaring {@code width} x {@code height}, with a text chunk and unique pixel bytes. */
    public static byte[] png(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(out, "tEXt", "Comment\0taken at home".getBytes(StandardCharsets.ISO_8859_1));
        chunk(out, "IDAT", random(64));
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * A JPEG with an APP1 Exif segment holding a GPS block, a comment, a 640x480 frame header, scan data with byte
     * stuffing, and bytes appended after the end of image.
     */
    public static byte[] jpegWithGps() {
        return jpegWithGps(256);
    }

    /** {@link #jpegWithGps()} with {@code scanBytes} random bytes of scan data (before byte stuffing). */
    public static byte[] jpegWithGps(int scanBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        jpegHeader(out, true);
        byte[] scan = random(scanBytes);
        for (byte b : scan) {
            out.write(b);
            if (b == (byte) 0xFF) {
                out.write(0); // byte stuffing
            }
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        out.writeBytes("GPS trailer".getBytes(StandardCharsets.ISO_8859_1));
        return out.toByteArray();
    }

    /**
     * Start of image up to the start of scan of a 640x480 JPEG; {@code withMetadata} adds an APP1 Exif segment with a
     * GPS block and a comment segment, which is exactly what removing the metadata must leave out.
     */
    public static void jpegHeader(ByteArrayOutputStream out, boolean withMetadata) {
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
        segment(out, 0xE0, "JFIF\0\u0001\u0001\0\0\u0001\0\u0001\0\0".getBytes(StandardCharsets.ISO_8859_1));
        if (withMetadata) {
            segment(out, 0xE1, "Exif\0\0MM\0*\0\0\0\bGPSLatitude 37.8 N GPSLongitude 112.5 E".getBytes(StandardCharsets.ISO_8859_1));
            segment(out, 0xFE, "GPS comment".getBytes(StandardCharsets.ISO_8859_1));
        }
        segment(out, 0xDB, new byte[65]);
        segment(out, 0xC0, new byte[] {8, 0x01, (byte) 0xE0, 0x02, (byte) 0x80, 1, 1, 0x11, 0});
        segment(out, 0xDA, new byte[] {1, 1, 0, 0, 63, 0});
    }

    /**
     * A structurally complete HEIC (ftyp, meta with hdlr/iinf/iloc/iprp, mdat) of a 640x480 image item whose bytes are
     * {@code picture}, plus an Exif item holding a GPS position, as phones write it. No real HEVC data: the server
     * never decodes pixels.
     */
    public static byte[] heicWithGps(byte[] picture) {
        byte[] exif = "\0\0\0\0MM\0*\0\0\0\bGPSLatitude 37.8 N GPSLongitude 112.5 E".getBytes(StandardCharsets.ISO_8859_1);
        byte[] ftyp = box("ftyp", concat("heic".getBytes(StandardCharsets.ISO_8859_1), new byte[4],
                "mif1heic".getBytes(StandardCharsets.ISO_8859_1)));
        byte[] hdlr = fullBox("hdlr", concat(new byte[4], "pict".getBytes(StandardCharsets.ISO_8859_1), new byte[13]));
        byte[] iinf = fullBox("iinf", concat(u16(2), infe(1, "hvc1"), infe(2, "Exif")));
        byte[] iprp = box("iprp", box("ipco", fullBox("ispe", concat(u32(640), u32(480)))));
        // iloc's size depends only on the item count, so the meta box size is known before the offsets are
        int metaSize = fullBox("meta", concat(hdlr, iinf, iloc(0, 0, 0, 0), iprp)).length;
        int data = ftyp.length + metaSize + 8;
        byte[] meta = fullBox("meta", concat(hdlr, iinf, iloc(data, picture.length, data + picture.length, exif.length), iprp));
        return concat(ftyp, meta, box("mdat", concat(picture, exif)));
    }

    private static byte[] infe(int id, String type) {
        return fullBox("infe", 2, concat(u16(id), u16(0), type.getBytes(StandardCharsets.ISO_8859_1), new byte[1]));
    }

    private static byte[] iloc(int pictureOffset, int pictureLength, int exifOffset, int exifLength) {
        return fullBox("iloc", concat(new byte[] {0x44, 0x00}, u16(2),
                u16(1), u16(0), u16(1), u32(pictureOffset), u32(pictureLength),
                u16(2), u16(0), u16(1), u32(exifOffset), u32(exifLength)));
    }

    private static byte[] box(String type, byte[] body) {
        return concat(u32(body.length + 8), type.getBytes(StandardCharsets.ISO_8859_1), body);
    }

    private static byte[] fullBox(String type, byte[] body) {
        return fullBox(type, 0, body);
    }

    private static byte[] fullBox(String type, int version, byte[] body) {
        return box(type, concat(new byte[] {(byte) version, 0, 0, 0}, body));
    }

    private static byte[] u16(int value) {
        return new byte[] {(byte) (value >> 8), (byte) value};
    }

    private static byte[] u32(int value) {
        return ByteBuffer.allocate(4).putInt(value).array();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A minimal PDF with unique content. */
    public static byte[] pdf() {
        return ("%PDF-1.7\n% " + ThreadLocalRandom.current().nextLong() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] random(int length) {
        byte[] bytes = new byte[length];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    /** Whether {@code text} occurs in {@code bytes}. */
    public static boolean contains(byte[] bytes, String text) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(text);
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        out.writeBytes(new byte[4]); // CRC: not checked by the server, which never decodes pixels
    }

    private static void segment(ByteArrayOutputStream out, int marker, byte[] data) {
        out.write(0xFF);
        out.write(marker);
        out.write((data.length + 2) >> 8);
        out.write((data.length + 2) & 0xFF);
        out.writeBytes(data);
    }
}
