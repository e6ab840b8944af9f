package io.onestop.assistance.access.api;

import io.onestop.assistance.access.AuditTrail;
import io.onestop.assistance.access.AuditTrail.Filter;
import io.onestop.assistance.access.AuditTrail.Page;
import io.onestop.assistance.access.AuditTrail.Verification;
import io.onestop.assistance.common.Problem;
import io.onestop.assistance.common.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The audit log, for auditors only: they read it and check its chain, and nothing else (no case data). */
@Path("/api/v1/audit")
@Tag(name = "access")
@RolesAllowed("auditor")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "No or expired token")
@APIResponse(responseCode = "403", description = "Not an auditor")
public class AuditResource {

    @Inject
    AuditTrail trail;

    @GET
    @Path("events")
    @Operation(summary = "Audit events, newest first, filtered by subject, action, object and time; cursor pagination")
    @APIResponse(responseCode = "200", description = "A page; `next` is the cursor of the following page, null on the last")
    @APIResponse(responseCode = "422", description = "A filter is malformed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Page> events(@QueryParam("subject") String subject, @QueryParam("action") String action,
            @QueryParam("objectType") String objectType, @QueryParam("objectId") String objectId,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > 200) {
            throw ProblemException.invalid("limit", "must be between 1 and 200");
        }
        return trail.page(new Filter(subject, action, objectType, objectId, time("from", from), time("to", to),
                cursor(cursor), size));
    }

    @GET
    @Path("verification")
    @Operation(summary = "Check the whole log: intact, or the first changed, removed or unsealed event",
            description = "Seals what is committed, then checks every event's hash, the seal chain and that no event older "
                    + "than a few seconds is unsealed. Keep `newestHash` (the newest seal's) outside the database: a chain "
                    + "alone cannot show that its newest seals were removed.")
    @APIResponse(responseCode = "200", description = "The result")
    public Uni<Verification> verify() {
        return trail.verify();
    }

    private static OffsetDateTime time(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be an ISO-8601 time with offset, e.g. 2026-11-23T08:00:00Z");
        }
    }

    private static Long cursor(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API gave out");
        }
    }
}
