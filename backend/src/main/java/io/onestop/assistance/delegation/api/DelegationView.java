package io.onestop.assistance.delegation.api;

import io.onestop.assistance.access.DelegationScope;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A delegation as the applicant (or the caseworker who granted it) sees it; the delegate's identifiers are masked. */
@Schema(name = "Delegation", example = """
        {"id":"7d1c...","intakeId":"5b0e...","delegateName":"李*","delegateNationalId":"1101**********4514",
         "scope":"UPLOAD_DOCUMENTS","endsOn":"2027-03-31","status":"ACTIVE","grantedByRole":"resident","reason":null,
         "createdAt":"2026-12-05T10:00:00+08:00","revokedAt":null}""")
public record DelegationView(UUID id, UUID intakeId, String delegateName, String delegateNationalId,
        DelegationScope scope, LocalDate endsOn,
        @Schema(description = "ACTIVE, EXPIRED (end date passed) or REVOKED") String status,
        @Schema(description = "resident (the applicant) or caseworker") String grantedByRole,
        String reason, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
}
