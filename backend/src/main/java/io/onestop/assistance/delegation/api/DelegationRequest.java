package io.onestop.assistance.delegation.api;

import io.onestop.assistance.access.DelegationScope;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Whom to delegate to (a registered resident, named by national id and mobile number), what they may do and until
 * when (the last day, at most 6 months ahead). {@code reason} is required when a caseworker grants it.
 */
@Schema(name = "DelegationRequest", description = "The example id number's checksum is deliberately wrong (no real id in documents)",
        example = """
        {"nationalId":"110101199003071234","phone":"13912345678","scope":"UPLOAD_DOCUMENTS","endsOn":"2027-03-31"}""")
public record DelegationRequest(
        @NotNull @Size(max = 18) String nationalId,
        @NotNull @Pattern(regexp = "1\\d{10}", message = "must be an 11-digit mobile number") String phone,
        @NotNull DelegationScope scope,
        @NotNull @Schema(description = "The last day the delegation works (inclusive), at most 6 months from today")
        LocalDate endsOn,
        @Size(max = 500) @Schema(description = "Caseworkers only, required: why the applicant cannot grant it themselves")
        String reason) {
}
