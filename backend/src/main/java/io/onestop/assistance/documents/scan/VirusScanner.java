package io.onestop.assistance.documents.scan;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A malware scanner for stored documents. Blocking: called on worker threads by {@code DocumentScanJob}. When no
 * scanner is configured, {@link #enabled()} is false and documents count without a scan.
 */
public interface VirusScanner {

    enum Verdict {
        CLEAN, INFECTED
    }

    /** Whether documents must wait for this scanner (PENDING_SCAN) before anyone but the owner sees them. */
    boolean enabled();

    /**
     * Scans one file.
     *
     * @throws IOException when the scanner cannot give a verdict (down, timeout, limit); the document then stays
     *         PENDING_SCAN and is tried again later: a scanner outage never lets a document through
     */
    Verdict scan(Path file) throws IOException;

    /** No scanner configured. */
    VirusScanner NONE = new VirusScanner() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public Verdict scan(Path file) {
            return Verdict.CLEAN;
        }
    };
}
