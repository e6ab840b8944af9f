package io.onestop.assistance.documents.inspection;

import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.documents.DocumentsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checks every document passes before it counts, whichever way it arrived: size, format by content, image
 * dimensions; then the bytes to store (metadata removed) and their SHA-256. Blocking file I/O: call it on a worker
 * thread. Works from and to temporary files with fixed buffers, so memory use does not grow with the document. It may
 * change the file it is given (HEIC metadata is blanked in place): give it a temporary copy of the upload.
 */
@ApplicationScoped
public class ContentInspector {

    /**
     * What is stored: the cleaned file the caller deletes (a new temporary file, or for HEIC and PDF the inspected
     * file itself, cleaned in place), its size, format and hash, and whether its bytes differ from those inspected.
     */
    public record Inspected(Path file, long size, DocumentFormat format, String sha256, boolean changed) {
    }

    private final DocumentsConfig config;

    public ContentInspector(DocumentsConfig config) {
        this.config = config;
    }

    public Inspected inspect(Path source) {
        try {
            long size = Files.size(source);
            checkSize(size);
            DocumentFormat format = sniff(source);
            if (MetadataStripper.cleansInPlace(format)) {
                try {
                    MetadataStripper.InPlace cleaned = MetadataStripper.cleanInPlace(format, source);
                    checkPixels(cleaned.size());
                    return new Inspected(source, size, format, sha256(source), cleaned.changed());
                } catch (UnreadableContentException e) {
                    throw unreadable(format, e);
                }
            }
            Path cleaned = Files.createTempFile("document-", ".clean");
            try {
                ImageSize image = MetadataStripper.copyWithoutMetadata(format, source, cleaned);
                checkPixels(image);
                long cleanedSize = Files.size(cleaned);
                return new Inspected(cleaned, cleanedSize, format, sha256(cleaned), true);
            } catch (UnreadableContentException e) {
                Files.deleteIfExists(cleaned);
                throw unreadable(format, e);
            } catch (RuntimeException e) {
                Files.deleteIfExists(cleaned);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void checkPixels(ImageSize image) {
        if (image != null && (image.width() <= 0 || image.height() <= 0 || image.pixels() > config.maxImagePixels())) {
            throw new ProblemException(422, "image-too-large", "Image too large",
                    "The image declares %d x %d pixels; at most %d million pixels are accepted. Take the photo again at normal size."
                            .formatted(image.width(), image.height(), config.maxImagePixels() / 1_000_000), null);
        }
    }

    private static ProblemException unreadable(DocumentFormat format, UnreadableContentException e) {
        return new ProblemException(422, "unreadable-document", "Unreadable document",
                "The file looks like " + format.name() + " but is damaged or incomplete: " + e.getMessage()
                        + ". Upload it again.", null);
    }

    /** The size rule alone, for a declared size before any byte arrives. */
    public void checkSize(long size) {
        if (size <= 0) {
            throw new ProblemException(422, "empty-document", "Empty document", "The file is empty (0 bytes).", null);
        }
        if (size > config.maxSizeBytes()) {
            throw new ProblemException(413, "document-too-large", "Document too large",
                    "The file has %d bytes; at most %d bytes (%d MB) are accepted.".formatted(
                            size, config.maxSizeBytes(), config.maxSizeBytes() / (1024 * 1024)), null);
        }
    }

    private static DocumentFormat sniff(Path source) throws IOException {
        byte[] head = new byte[DocumentFormat.HEAD_LENGTH];
        int length;
        try (InputStream in = Files.newInputStream(source)) {
            length = in.readNBytes(head, 0, head.length);
        }
        return DocumentFormat.sniff(head, length).orElseThrow(() -> new ProblemException(422, "unsupported-content",
                "Unsupported file type", "Only photos (JPEG, PNG, WebP, HEIC) and PDF files are accepted; the content "
                        + "of this file is none of them, whatever its name says.", null));
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
