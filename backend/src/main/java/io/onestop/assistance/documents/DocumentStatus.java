package io.onestop.assistance.documents;

import java.util.Set;

/** Where a document is in its life; only the last four lines are documents a person may look at. */
public enum DocumentStatus {
    /** A row that reserves an object key; the bytes are on their way (presigned PUT, or a streamed upload). */
    PENDING_UPLOAD,
    /** Checked and stored, waiting for the virus scanner; invisible to staff until it is clean (fail closed). */
    PENDING_SCAN,
    /** Checked, stored and (if a scanner is configured) clean; waits for a caseworker's review. */
    UPLOADED,
    /** A caseworker accepted it. */
    ACCEPTED,
    /** A caseworker rejected it, with a reason; the resident uploads another. */
    REJECTED,
    /** The virus scanner found malware; the object is removed, the row stays as a record. */
    INFECTED,
    /** Removed by the resident or with their draft; the sweeper removes the object, then the row. */
    DISCARDED;

    /** What staff may see and download. */
    public static final Set<DocumentStatus> VISIBLE_TO_STAFF = Set.of(UPLOADED, ACCEPTED, REJECTED);

    /** Rows that are not (yet, or any more) a document anyone looks at. */
    public static final Set<DocumentStatus> NOT_LISTED = Set.of(PENDING_UPLOAD, DISCARDED);

    /** Rows that no longer take a place among the documents an application may hold. */
    public static final Set<DocumentStatus> NOT_COUNTED = Set.of(INFECTED, DISCARDED);
}
