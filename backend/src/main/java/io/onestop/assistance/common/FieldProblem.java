package io.onestop.assistance.common;

/** One invalid field of a request, as listed in the {@code errors} member of a problem+json body. */
public record FieldProblem(String field, String message) {
}
