package io.onestop.assistance.documents.inspection;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

/**
 * Copies a document while removing what phones put next to the picture: EXIF (with GPS position, camera serial,
 * time), XMP, IPTC, comments and text chunks. Works on the byte structure of each format (JPEG segments, PNG chunks,
 * RIFF chunks of WebP) without decoding pixels, so it streams with a small buffer whatever the image size, and
 * reads each image's declared width and height on the way for the pixel-flood check.
 *
 * <p>HEIC has its Exif and XMP items blanked in place ({@link HeifMetadata}), so no offset moves; its size is read
 * from the "ispe" properties ({@link #heifSize}). A PDF is kept unchanged: it carries no position. Neither is copied
 * ({@link #cleanInPlace}): the upload's own temporary file is what is stored.
 */
final class MetadataStripper {

    private static final int BUFFER = 64 * 1024;

    /** PNG chunks that carry text or time, never pixels (PNG 3rd edition, section 11.3). */
    private static final Set<String> PNG_METADATA = Set.of("tEXt", "zTXt", "iTXt", "eXIf", "tIME");
    /** WebP container chunks holding metadata (WebP container specification, "Extended file format"). */
    private static final Set<String> WEBP_METADATA = Set.of("EXIF", "XMP ");
    private static final int VP8X_EXIF_FLAG = 0x08;
    private static final int VP8X_XMP_FLAG = 0x04;

    private MetadataStripper() {
    }

    /** What cleaning in place found: the image size (null for a PDF) and whether any byte changed. */
    record InPlace(ImageSize size, boolean changed) {
    }

    /**
     * Formats whose metadata is removed without moving any byte (HEIC: its items are blanked; PDF: nothing to
     * remove), so the file itself is cleaned and nothing is copied.
     */
    static boolean cleansInPlace(DocumentFormat format) {
        return format == DocumentFormat.HEIC || format == DocumentFormat.PDF;
    }

    /** Cleans a file of a {@link #cleansInPlace} format where it lies. */
    static InPlace cleanInPlace(DocumentFormat format, Path file) throws IOException, UnreadableContentException {
        if (format == DocumentFormat.HEIC) {
            ImageSize size = heifSize(file);
            return new InPlace(size, HeifMetadata.blank(file) > 0);
        }
        if (format == DocumentFormat.PDF) {
            return new InPlace(null, false);
        }
        throw new IllegalArgumentException(format + " is copied, not cleaned in place");
    }

    /** Copies {@code source} to {@code target} without metadata; answers the image size, null for a PDF. */
    static ImageSize copyWithoutMetadata(DocumentFormat format, Path source, Path target)
            throws IOException, UnreadableContentException {
        switch (format) {
            case JPEG -> {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(source), BUFFER);
                        OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), BUFFER)) {
                    return jpeg(new DataInputStream(in), out);
                }
            }
            case PNG -> {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(source), BUFFER);
                        OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), BUFFER)) {
                    return png(new DataInputStream(in), out);
                }
            }
            case WEBP -> {
                ImageSize size;
                try (InputStream in = new BufferedInputStream(Files.newInputStream(source), BUFFER);
                        OutputStream out = new BufferedOutputStream(Files.newOutputStream(target), BUFFER)) {
                    size = webp(new DataInputStream(in), out);
                }
                patchRiffSize(target);
                return size;
            }
            default -> {
                Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                InPlace cleaned = cleanInPlace(format, target);
                return cleaned.size();
            }
        }
    }

    // --- JPEG (ITU T.81, JFIF, Exif 2.3): markers 0xFFxx, segments with a two-byte length -----------------------

    private static ImageSize jpeg(DataInputStream in, OutputStream out) throws IOException, UnreadableContentException {
        try {
            if (in.readUnsignedShort() != 0xFFD8) {
                throw new UnreadableContentException("JPEG without start of image");
            }
            out.write(0xFF);
            out.write(0xD8);
            ImageSize size = null;
            byte[] block = new byte[8192]; // under the mark limit: the input's buffer is BUFFER bytes
            int marker = nextMarker(in);
            while (true) {
                if (marker == 0xD9) { // end of image: anything after it (appended files, MPF images) is dropped
                    out.write(0xFF);
                    out.write(0xD9);
                    if (size == null) {
                        throw new UnreadableContentException("JPEG without frame header");
                    }
                    return size;
                }
                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) { // standalone markers
                    out.write(0xFF);
                    out.write(marker);
                    marker = nextMarker(in);
                    continue;
                }
                int length = in.readUnsignedShort();
                if (length < 2) {
                    throw new UnreadableContentException("JPEG segment with a length below 2");
                }
                byte[] segment = in.readNBytes(length - 2);
                if (segment.length != length - 2) {
                    throw new EOFException();
                }
                if (keepJpegSegment(marker, segment)) {
                    out.write(0xFF);
                    out.write(marker);
                    out.write(length >> 8);
                    out.write(length & 0xFF);
                    out.write(segment);
                }
                if (isStartOfFrame(marker)) {
                    if (segment.length < 5) {
                        throw new UnreadableContentException("JPEG frame header too short");
                    }
                    ImageSize frame = new ImageSize(u16(segment, 3), u16(segment, 1));
                    size = size == null || frame.pixels() > size.pixels() ? frame : size;
                }
                marker = marker == 0xDA ? copyEntropyCodedData(in, out, block) : nextMarker(in);
            }
        } catch (EOFException e) {
            throw new UnreadableContentException("JPEG ends early");
        }
    }

    /** JFIF (APP0), ICC colour profiles (APP2) and Adobe colour transform (APP14) change how pixels look; keep them. */
    private static boolean keepJpegSegment(int marker, byte[] segment) {
        if (marker == 0xFE) {
            return false; // comment
        }
        if (marker >= 0xE0 && marker <= 0xEF) {
            return marker == 0xE0 || marker == 0xEE
                    || (marker == 0xE2 && startsWith(segment, "ICC_PROFILE\0"));
        }
        return true;
    }

    private static boolean isStartOfFrame(int marker) {
        return marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
    }

    /**
     * Copies scan data up to the next marker (byte stuffing 0xFF00 and restart markers are part of the data). Scan
     * data is most of a photo: it is copied in blocks up to the next 0xFF (mark, read, reset to it), not a byte and
     * two synchronized stream calls at a time, which took ~100 ms for 8 MB with the C1 compiler (measured).
     */
    private static int copyEntropyCodedData(DataInputStream in, OutputStream out, byte[] block) throws IOException {
        while (true) {
            in.mark(block.length);
            int read = in.read(block, 0, block.length);
            if (read < 0) {
                throw new EOFException();
            }
            int ff = 0;
            while (ff < read && block[ff] != (byte) 0xFF) {
                ff++;
            }
            out.write(block, 0, ff);
            if (ff == read) {
                continue;
            }
            in.reset();
            in.skipNBytes(ff + 1L); // the data before the 0xFF, and the 0xFF
            int next = in.readUnsignedByte();
            while (next == 0xFF) { // fill bytes
                next = in.readUnsignedByte();
            }
            if (next == 0x00 || (next >= 0xD0 && next <= 0xD7)) {
                out.write(0xFF);
                out.write(next);
            } else {
                return next;
            }
        }
    }

    private static int nextMarker(DataInputStream in) throws IOException, UnreadableContentException {
        if (in.readUnsignedByte() != 0xFF) {
            throw new UnreadableContentException("JPEG marker expected");
        }
        int marker = in.readUnsignedByte();
        while (marker == 0xFF) {
            marker = in.readUnsignedByte();
        }
        return marker;
    }

    // --- PNG (ISO/IEC 15948): signature, then chunks of length, type, data, CRC ------------------------------------

    private static ImageSize png(DataInputStream in, OutputStream out) throws IOException, UnreadableContentException {
        try {
            byte[] signature = in.readNBytes(8);
            out.write(signature);
            ImageSize size = null;
            byte[] buffer = new byte[BUFFER];
            while (true) {
                long length = Integer.toUnsignedLong(in.readInt());
                byte[] type = in.readNBytes(4);
                String name = new String(type, StandardCharsets.ISO_8859_1);
                if (length > Integer.MAX_VALUE || type.length != 4) {
                    throw new UnreadableContentException("PNG chunk with an impossible length");
                }
                if (size == null) {
                    if (!name.equals("IHDR") || length < 8) {
                        throw new UnreadableContentException("PNG must start with its header chunk");
                    }
                    byte[] header = in.readNBytes((int) length);
                    size = new ImageSize(Integer.toUnsignedLong(ByteBuffer.wrap(header, 0, 4).getInt()),
                            Integer.toUnsignedLong(ByteBuffer.wrap(header, 4, 4).getInt()));
                    out.write(ByteBuffer.allocate(8).putInt((int) length).put(type).array());
                    out.write(header);
                    copy(in, out, 4, buffer); // CRC
                    continue;
                }
                boolean keep = !PNG_METADATA.contains(name);
                if (keep) {
                    out.write(ByteBuffer.allocate(8).putInt((int) length).put(type).array());
                    copy(in, out, length + 4, buffer);
                } else {
                    skip(in, length + 4);
                }
                if (name.equals("IEND")) {
                    return size; // trailing bytes after the end chunk are dropped
                }
            }
        } catch (EOFException e) {
            throw new UnreadableContentException("PNG ends early");
        }
    }

    // --- WebP (RIFF container): "RIFF" size "WEBP", then chunks of fourcc, little-endian size, data (even-padded) ---

    private static ImageSize webp(DataInputStream in, OutputStream out) throws IOException, UnreadableContentException {
        try {
            byte[] header = in.readNBytes(12);
            if (header.length != 12) {
                throw new EOFException();
            }
            out.write(header); // its size field is fixed afterwards, once we know what was removed
            ImageSize size = null;
            byte[] buffer = new byte[BUFFER];
            byte[] chunkHeader = new byte[8];
            while (true) {
                int read = in.readNBytes(chunkHeader, 0, 8);
                if (read == 0) {
                    if (size == null) {
                        throw new UnreadableContentException("WebP without image data");
                    }
                    return size;
                }
                if (read != 8) {
                    throw new EOFException();
                }
                String name = new String(chunkHeader, 0, 4, StandardCharsets.ISO_8859_1);
                long length = Integer.toUnsignedLong(ByteBuffer.wrap(chunkHeader, 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt());
                long padded = length + (length & 1);
                if (WEBP_METADATA.contains(name)) {
                    skip(in, padded);
                    continue;
                }
                out.write(chunkHeader);
                if (name.equals("VP8X") || name.equals("VP8 ") || name.equals("VP8L")) {
                    if (length < 10) {
                        throw new UnreadableContentException("WebP image chunk too short");
                    }
                    int head = 10;
                    byte[] data = in.readNBytes(head);
                    if (data.length != head) {
                        throw new EOFException();
                    }
                    ImageSize declared = webpSize(name, data);
                    size = size == null || declared.pixels() > size.pixels() ? declared : size;
                    if (name.equals("VP8X")) {
                        data[0] = (byte) (data[0] & ~(VP8X_EXIF_FLAG | VP8X_XMP_FLAG));
                    }
                    out.write(data);
                    copy(in, out, padded - head, buffer);
                } else {
                    copy(in, out, padded, buffer);
                }
            }
        } catch (EOFException e) {
            throw new UnreadableContentException("WebP ends early");
        }
    }

    private static ImageSize webpSize(String chunk, byte[] data) throws UnreadableContentException {
        switch (chunk) {
            case "VP8X" -> {
                return new ImageSize(1 + u24le(data, 4), 1 + u24le(data, 7));
            }
            case "VP8L" -> {
                if ((data[0] & 0xff) != 0x2f) {
                    throw new UnreadableContentException("WebP lossless signature missing");
                }
                long bits = (data[1] & 0xffL) | (data[2] & 0xffL) << 8 | (data[3] & 0xffL) << 16 | (data[4] & 0xffL) << 24;
                return new ImageSize(1 + (bits & 0x3fff), 1 + ((bits >> 14) & 0x3fff));
            }
            default -> {
                if ((data[3] & 0xff) != 0x9d || (data[4] & 0xff) != 0x01 || (data[5] & 0xff) != 0x2a) {
                    throw new UnreadableContentException("WebP lossy start code missing");
                }
                return new ImageSize(u16le(data, 6) & 0x3fff, u16le(data, 8) & 0x3fff);
            }
        }
    }

    private static void patchRiffSize(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long riffSize = channel.size() - 8;
            channel.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) riffSize).flip(), 4);
        }
    }

    // --- HEIF (ISO/IEC 23008-12): the "ispe" property of each image item declares its width and height ---------------

    /** The largest "ispe" (image spatial extents) in the file's first megabyte, where the meta box lives. */
    static ImageSize heifSize(Path file) throws IOException, UnreadableContentException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(1024 * 1024);
        }
        ImageSize largest = null;
        for (int i = 0; i + 16 <= head.length; i++) {
            if (head[i] == 'i' && head[i + 1] == 's' && head[i + 2] == 'p' && head[i + 3] == 'e') {
                ByteBuffer box = ByteBuffer.wrap(head, i + 8, 8); // after the four bytes of version and flags
                ImageSize size = new ImageSize(Integer.toUnsignedLong(box.getInt()), Integer.toUnsignedLong(box.getInt()));
                largest = largest == null || size.pixels() > largest.pixels() ? size : largest;
            }
        }
        if (largest == null) {
            throw new UnreadableContentException("HEIF image without declared size");
        }
        return largest;
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private static void copy(InputStream in, OutputStream out, long count, byte[] buffer) throws IOException {
        long left = count;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException();
            }
            out.write(buffer, 0, read);
            left -= read;
        }
    }

    private static void skip(InputStream in, long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException();
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static boolean startsWith(byte[] bytes, String prefix) {
        byte[] expected = prefix.getBytes(StandardCharsets.ISO_8859_1);
        if (bytes.length < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (bytes[i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    private static long u16(byte[] b, int offset) {
        return (b[offset] & 0xffL) << 8 | (b[offset + 1] & 0xffL);
    }

    private static long u16le(byte[] b, int offset) {
        return (b[offset] & 0xffL) | (b[offset + 1] & 0xffL) << 8;
    }

    private static long u24le(byte[] b, int offset) {
        return (b[offset] & 0xffL) | (b[offset + 1] & 0xffL) << 8 | (b[offset + 2] & 0xffL) << 16;
    }
}
