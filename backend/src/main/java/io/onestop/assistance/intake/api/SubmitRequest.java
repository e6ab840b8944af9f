package io.onestop.assistance.intake.api;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Submit a draft as an intake: one consent covers verification for every program the intake fans out to. */
@Schema(name = "SubmitRequest", example = """
        {"draftId":"0b6c3c5e-7d52-4c5e-9d0a-6b7f2a1e9c11","consent":true}""")
public record SubmitRequest(
        @NotNull UUID draftId,
        @NotNull @AssertTrue(message = "the applicant must consent to the verification of the household's economic status")
        Boolean consent) {
}
