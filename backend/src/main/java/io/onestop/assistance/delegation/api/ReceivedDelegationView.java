package io.onestop.assistance.delegation.api;

import io.onestop.assistance.access.DelegationScope;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A delegation in force that the caller received: which intake, whose (name masked), what they may do, until when. */
@Schema(name = "ReceivedDelegation", example = """
        {"id":"7d1c...","intakeId":"5b0e...","intakeNumber":"JZ-140105-2026-000123","applicantName":"张*",
         "scope":"VIEW_STATUS","endsOn":"2027-03-31","status":"/api/v1/intakes/5b0e.../status"}""")
public record ReceivedDelegationView(UUID id, UUID intakeId, String intakeNumber, String applicantName,
        DelegationScope scope, LocalDate endsOn,
        @Schema(description = "Where to read the intake's status") String status) {
}
