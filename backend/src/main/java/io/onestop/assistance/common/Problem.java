package io.onestop.assistance.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** RFC 9457 problem details: the body of every error answer of the backend. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details", example = """
        {"type":"urn:assistance:problem:validation","title":"Invalid request","status":422,
         "detail":"One or more fields are invalid.","errors":[{"field":"members[0].birthDate","message":"must not be after asOf"}]}""")
public record Problem(String type, String title, int status, String detail, List<FieldProblem> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_PREFIX = "urn:assistance:problem:";

    public static Problem of(String type, String title, int status, String detail, List<FieldProblem> errors) {
        return new Problem(TYPE_PREFIX + type, title, status, detail, errors);
    }
}
