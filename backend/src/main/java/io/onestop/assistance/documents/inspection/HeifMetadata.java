package io.onestop.assistance.documents.inspection;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Blanks the metadata items of a HEIF/HEIC file in place: the {@code Exif} item (with GPS position, camera serial,
 * time) and XMP ({@code mime} items). It reads the item information box ({@code iinf}) for the items' types and the
 * item location box ({@code iloc}) for where their bytes are, and overwrites those bytes with zeros. Nothing moves,
 * so no offset in the file needs rewriting and the picture stays intact; a reader finds an Exif item whose content
 * is empty. ISO/IEC 14496-12 (boxes, iinf/infe, iloc) and ISO/IEC 23008-12 (HEIF, Exif and XMP items).
 */
final class HeifMetadata {

    private static final int MAX_META = 4 * 1024 * 1024;

    private record Box(String type, long start, long headerSize, long end) {
        long body() {
            return start + headerSize;
        }
    }

    private record Extent(long offset, long length) {
    }

    private HeifMetadata() {
    }

    /** Zeroes the Exif and XMP items of {@code file}; answers how many bytes were blanked. */
    static long blank(Path file) throws IOException, UnreadableContentException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            Box meta = find(channel, 0, channel.size(), "meta");
            if (meta == null) {
                return 0;
            }
            if (meta.end() - meta.start() > MAX_META) {
                throw new UnreadableContentException("HEIF meta box too large");
            }
            ByteBuffer body = read(channel, meta.body() + 4, meta.end() - meta.body() - 4); // full box: version, flags
            Set<Long> metadataItems = new HashSet<>();
            Box iinf = find(body, "iinf");
            if (iinf == null) {
                return 0;
            }
            items(body, iinf, metadataItems);
            if (metadataItems.isEmpty()) {
                return 0;
            }
            Box iloc = find(body, "iloc");
            if (iloc == null) {
                throw new UnreadableContentException("HEIF metadata item without a location");
            }
            Box idat = find(body, "idat");
            long idatStart = idat == null ? -1 : meta.body() + 4 + idat.body();
            long blanked = 0;
            for (Extent extent : locations(body, iloc, metadataItems, idatStart)) {
                if (extent.offset() < 0 || extent.offset() + extent.length() > channel.size()) {
                    throw new UnreadableContentException("HEIF item outside the file");
                }
                zero(channel, extent);
                blanked += extent.length();
            }
            return blanked;
        }
    }

    /** Item ids of {@code Exif} items and of {@code mime} items (XMP) listed in the item information box. */
    private static void items(ByteBuffer body, Box iinf, Set<Long> found) throws UnreadableContentException {
        int version = body.get((int) iinf.body()) & 0xff;
        long position = iinf.body() + 4 + (version == 0 ? 2 : 4);
        while (position < iinf.end()) {
            Box infe = box(body, position, iinf.end());
            if (infe.type().equals("infe")) {
                int infeVersion = body.get((int) infe.body()) & 0xff;
                if (infeVersion >= 2) {
                    int p = (int) infe.body() + 4;
                    long id = infeVersion == 2 ? u16(body, p) : u32(body, p);
                    p += infeVersion == 2 ? 2 : 4;
                    p += 2; // item_protection_index
                    String type = fourcc(body, p);
                    if (type.equals("Exif") || type.equals("mime")) {
                        found.add(id);
                    }
                }
            }
            position = infe.end();
        }
    }

    /** The extents of the given items: file offsets (construction method 0) or inside {@code idat} (method 1). */
    private static List<Extent> locations(ByteBuffer body, Box iloc, Set<Long> items, long idatStart)
            throws UnreadableContentException {
        int p = (int) iloc.body();
        int version = body.get(p) & 0xff;
        p += 4;
        int sizes = u16(body, p);
        p += 2;
        int offsetSize = sizes >> 12 & 0xf;
        int lengthSize = sizes >> 8 & 0xf;
        int baseOffsetSize = sizes >> 4 & 0xf;
        int indexSize = version == 1 || version == 2 ? sizes & 0xf : 0;
        long count = version < 2 ? u16(body, p) : u32(body, p);
        p += version < 2 ? 2 : 4;
        List<Extent> extents = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long id = version < 2 ? u16(body, p) : u32(body, p);
            p += version < 2 ? 2 : 4;
            int method = 0;
            if (version == 1 || version == 2) {
                method = u16(body, p) & 0xf;
                p += 2;
            }
            p += 2; // data_reference_index
            long base = sized(body, p, baseOffsetSize);
            p += baseOffsetSize;
            int extentCount = u16(body, p);
            p += 2;
            for (int e = 0; e < extentCount; e++) {
                p += indexSize;
                long offset = sized(body, p, offsetSize);
                p += offsetSize;
                long length = sized(body, p, lengthSize);
                p += lengthSize;
                if (!items.contains(id)) {
                    continue;
                }
                if (method == 0) {
                    extents.add(new Extent(base + offset, length));
                } else if (method == 1 && idatStart >= 0) {
                    extents.add(new Extent(idatStart + base + offset, length));
                } else {
                    throw new UnreadableContentException("HEIF metadata item stored in a way we cannot blank");
                }
            }
            if (p > iloc.end()) {
                throw new UnreadableContentException("HEIF item location box ends early");
            }
        }
        return extents;
    }

    private static Box find(FileChannel channel, long from, long to, String type) throws IOException, UnreadableContentException {
        long position = from;
        ByteBuffer header = ByteBuffer.allocate(16);
        while (position + 8 <= to) {
            header.clear();
            channel.read(header, position);
            header.flip();
            if (header.remaining() < 8) {
                throw new UnreadableContentException("HEIF box header cut short");
            }
            long size = Integer.toUnsignedLong(header.getInt(0));
            String name = new String(new byte[] {header.get(4), header.get(5), header.get(6), header.get(7)}, StandardCharsets.ISO_8859_1);
            long headerSize = 8;
            if (size == 1) {
                size = header.getLong(8);
                headerSize = 16;
            } else if (size == 0) {
                size = to - position;
            }
            if (size < headerSize || position + size > to) {
                throw new UnreadableContentException("HEIF box with an impossible size");
            }
            if (name.equals(type)) {
                return new Box(name, position, headerSize, position + size);
            }
            position += size;
        }
        return null;
    }

    /** A child box of the meta box body (positions relative to {@code body}). */
    private static Box find(ByteBuffer body, String type) throws UnreadableContentException {
        long position = 0;
        while (position + 8 <= body.limit()) {
            Box box = box(body, position, body.limit());
            if (box.type().equals(type)) {
                return box;
            }
            position = box.end();
        }
        return null;
    }

    private static Box box(ByteBuffer body, long position, long limit) throws UnreadableContentException {
        if (position + 8 > limit) {
            throw new UnreadableContentException("HEIF box header cut short");
        }
        long size = u32(body, (int) position);
        if (size < 8 || position + size > limit) {
            throw new UnreadableContentException("HEIF box with an impossible size");
        }
        return new Box(fourcc(body, (int) position + 4), position, 8, position + size);
    }

    private static ByteBuffer read(FileChannel channel, long position, long length) throws IOException, UnreadableContentException {
        ByteBuffer buffer = ByteBuffer.allocate((int) length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new UnreadableContentException("HEIF ends early");
            }
        }
        return buffer.flip();
    }

    private static void zero(FileChannel channel, Extent extent) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(extent.length(), 64 * 1024));
        long written = 0;
        while (written < extent.length()) {
            zeros.clear().limit((int) Math.min(zeros.capacity(), extent.length() - written));
            written += channel.write(zeros, extent.offset() + written);
        }
    }

    private static long sized(ByteBuffer b, int p, int size) throws UnreadableContentException {
        return switch (size) {
            case 0 -> 0;
            case 4 -> u32(b, p);
            case 8 -> b.getLong(p);
            default -> throw new UnreadableContentException("HEIF item location with a field size of " + size);
        };
    }

    private static int u16(ByteBuffer b, int p) {
        return b.getShort(p) & 0xffff;
    }

    private static long u32(ByteBuffer b, int p) {
        return Integer.toUnsignedLong(b.getInt(p));
    }

    private static String fourcc(ByteBuffer b, int p) {
        return new String(new byte[] {b.get(p), b.get(p + 1), b.get(p + 2), b.get(p + 3)}, StandardCharsets.ISO_8859_1);
    }
}
