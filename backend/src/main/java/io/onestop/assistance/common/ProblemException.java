package io.onestop.assistance.common;

import java.util.List;

/**
 * A domain error that maps to one RFC 9457 problem+json answer. Services throw it; {@code ProblemMapper} is the
 * only place that turns it into HTTP, so no resource builds error bodies by hand.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldProblem> errors;

    public ProblemException(int status, String type, String title, String detail, List<FieldProblem> errors) {
        super(detail, null, false, false); // no stack trace: this is an expected answer, not a fault
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(400, "bad-request", "Bad request", detail, null);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldProblem(field, message)));
    }

    public static ProblemException invalid(List<FieldProblem> errors) {
        return new ProblemException(422, "validation", "Invalid request", "One or more fields are invalid.", errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, null);
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "Conflict", detail, null);
    }

    public static ProblemException preconditionFailed(String detail) {
        return new ProblemException(412, "stale-version", "Precondition failed", detail, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
