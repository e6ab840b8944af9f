package io.onestop.assistance.documents;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Limits and timings of document uploads, and the optional virus scanner. */
@ConfigMapping(prefix = "assistance.documents")
public interface DocumentsConfig {

    /** Largest document in bytes (20 MiB): a phone photo or a scanned multi-page PDF fits, a video does not. */
    @WithDefault("20971520")
    long maxSizeBytes();

    /** Documents one draft or intake may hold, so one household cannot fill the store. */
    @WithDefault("30")
    int maxDocumentsPerApplication();

    /**
     * Largest image in pixels (width x height). A small file may declare a huge canvas ("pixel flood") that would
     * exhaust the memory of whoever decodes it later; 64 megapixels is above any common phone camera.
     */
    @WithDefault("64000000")
    long maxImagePixels();

    /**
     * Documents checked at once (sniffing, metadata removal, SHA-256: CPU work on threads of their own); the rest
     * wait their turn in a queue. More than the cores only takes CPU time from the event loops.
     */
    @WithDefault("2")
    int maxConcurrentInspections();

    /** How long a presigned PUT URL stays valid. */
    @WithDefault("PT15M")
    Duration uploadUrlValidity();

    /** How long a presigned GET URL stays valid: long enough to open the file, short enough not to be shared. */
    @WithDefault("PT5M")
    Duration downloadUrlValidity();

    /** An upload never confirmed within this time is abandoned: the sweeper removes its object and row. */
    @WithDefault("PT1H")
    Duration unconfirmedTimeToLive();

    /** How often the sweeper looks for abandoned uploads and discarded documents. */
    @WithDefault("5m")
    String sweepEvery();

    /** How often pending documents are sent to the virus scanner (when one is configured). */
    @WithDefault("10s")
    String scanEvery();

    /** How long one instance may hold a document for scanning before another may try it. */
    @WithDefault("PT2M")
    Duration scanLease();

    /** The clamd virus scanner; without a host, no scanner runs and documents count as soon as they are checked. */
    Clamd clamd();

    interface Clamd {

        /** clamd host; when set, every document stays PENDING_SCAN (invisible to staff) until clamd says it is clean. */
        Optional<String> host();

        /** clamd TCP port. */
        @WithDefault("3310")
        int port();

        /** Connect and read timeout of one scan. */
        @WithDefault("PT30S")
        Duration timeout();

        /** Bytes per INSTREAM chunk; must stay under clamd's StreamMaxLength per chunk. */
        @WithDefault("65536")
        int chunkSize();
    }
}
