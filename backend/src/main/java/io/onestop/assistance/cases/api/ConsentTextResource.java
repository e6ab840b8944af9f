package io.onestop.assistance.cases.api;

import io.onestop.assistance.cases.verification.ConsentService;
import io.onestop.assistance.cases.verification.ConsentText;
import io.onestop.assistance.programs.LocalizedText;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The versioned text of the verification consent: public, so anyone can read what they are asked to sign. */
@Path("/api/v1/verification-consent-texts")
@Tag(name = "cases")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class ConsentTextResource {

    @Schema(name = "ConsentText", example = """
            {"version":"2026-01","effectiveFrom":"2026-01-01T00:00:00+08:00","text":{"zh":"本人同意……","en":"I agree that ..."}}""")
    public record ConsentTextView(String version, OffsetDateTime effectiveFrom, LocalizedText text) {

        static ConsentTextView of(ConsentText t) {
            return new ConsentTextView(t.version, t.effectiveFrom, LocalizedText.of(t.textZh, t.textEn));
        }
    }

    @Inject
    ConsentService consents;

    @GET
    @Path("current")
    @Operation(summary = "The consent text in force now (what a member signs, or what the hotline reads out)")
    @APIResponse(responseCode = "200", description = "The current version")
    public Uni<ConsentTextView> current() {
        return consents.currentText().map(ConsentTextView::of);
    }

    @GET
    @Operation(summary = "Every version of the consent text, newest first (each signature names its version)")
    @APIResponse(responseCode = "200", description = "All versions")
    public Uni<List<ConsentTextView>> versions() {
        return consents.texts().map(list -> list.stream().map(ConsentTextView::of).toList());
    }
}
