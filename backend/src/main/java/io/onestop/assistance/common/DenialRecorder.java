package io.onestop.assistance.common;

import io.smallrye.mutiny.Uni;

/**
 * Keeps a record of a request refused for the caller's role (403), so that refusals are audited like access.
 * Implemented by the access context; common only knows that refusals are worth recording.
 */
public interface DenialRecorder {

    /** {@code request} is the method and path; paths carry identifiers only, never personal data. */
    Uni<Void> refused(String request);
}
