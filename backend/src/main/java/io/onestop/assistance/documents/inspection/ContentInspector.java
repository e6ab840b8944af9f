package io.onestop.assistance.documents.inspection;

import io.onestop.assistance.common.ProblemException;
import io.onestop.assistance.documents.DocumentsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checks every document passes before it counts, whichever way it arrived: size, format by content, image
 * dimensions; then the bytes to store (metadata removed) and their SHA-256. Blocking file I/O: call it on a worker
 * thread. Works from and to temporary files with fixed buffers, so memory use does not grow with the document.
 */
@ApplicationScoped
public class ContentInspector {

    /** What is stored: the cleaned copy in a temporary file the caller deletes, its size, format and hash. */
    public record Inspected(Path file, long size, DocumentFormat format, String sha256) {
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
            Path cleaned = Files.createTempFile("document-", ".clean");
            try {
                ImageSize image = MetadataStripper.copyWithoutMetadata(format, source, cleaned);
                if (image != null && (image.width() <= 0 || image.height() <= 0 || image.pixels() > config.maxImagePixels())) {
                    throw new ProblemException(422, "image-too-large", "Image too large",
                            "The image declares %d x %d pixels; at most %d million pixels are accepted. Take the photo again at normal size."
                                    .formatted(image.width(), image.height(), config.maxImagePixels() / 1_000_000), null);
                }
                return new Inspected(cleaned, Files.size(cleaned), format, sha256(cleaned));
            } catch (UnreadableContentException e) {
                Files.deleteIfExists(cleaned);
                throw new ProblemException(422, "unreadable-document", "Unreadable document",
                        "The file looks like " + format.name() + " but is damaged or incomplete: " + e.getMessage()
                                + ". Upload it again.", null);
            } catch (RuntimeException e) {
                Files.deleteIfExists(cleaned);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
