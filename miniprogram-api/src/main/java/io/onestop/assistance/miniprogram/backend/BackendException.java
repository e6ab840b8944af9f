package io.onestop.assistance.miniprogram.backend;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * backend answered an error status; {@code problem} is its problem+json body (or null when it sent none). Mapped to
 * an errcode in one place ({@code EnvelopeMapper}).
 */
public class BackendException extends RuntimeException {

    private final int status;
    private final transient JsonNode problem;

    public BackendException(int status, JsonNode problem) {
        super("backend answered " + status, null, false, false);
        this.status = status;
        this.problem = problem;
    }

    public int status() {
        return status;
    }

    public JsonNode problem() {
        return problem;
    }
}
