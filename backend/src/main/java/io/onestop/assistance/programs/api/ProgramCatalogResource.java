package io.onestop.assistance.programs.api;

import io.onestop.assistance.programs.ProgramCatalogService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.Cache;

/** The public program catalog: what each program is, who handles it, what it needs and how long it takes. */
@Path("/api/v1/programs")
@Tag(name = "Programs", description = "The catalog of assistance programs")
@PermitAll
public class ProgramCatalogResource {

    static final String CATALOG_EXAMPLE = """
            [{"code": "MINIMUM_LIVING_ALLOWANCE",
              "name": {"zh": "最低生活保障", "en": "Minimum living allowance"},
              "description": {"zh": "家庭人均收入低于当地低保标准、财产符合规定的家庭，按月补足差额。",
                              "en": "Monthly top-up to the local standard for households with low income per person and few assets."},
              "agency": {"code": "CIVIL_AFFAIRS", "name": {"zh": "民政局", "en": "Civil affairs bureau"}},
              "estimatePeriod": "MONTH",
              "documents": [{"code": "ID_CARD", "name": {"zh": "身份证", "en": "National ID card"}}],
              "workflow": [{"code": "SUBMITTED", "name": {"zh": "已提交", "en": "Submitted"}}],
              "legalDeadlineWorkingDays": 30}]""";

    private final ProgramCatalogService catalog;

    public ProgramCatalogResource(ProgramCatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Cache(maxAge = 3600)
    @Operation(summary = "List the 13 programs",
            description = "Every program in the order of the rule book, with its agency, documents, case steps and "
                    + "legal deadline, in Chinese and English. No login.")
    @APIResponse(responseCode = "200", description = "The catalog",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ProgramView.class),
                    examples = @ExampleObject(name = "first program (abridged)", value = CATALOG_EXAMPLE)))
    public Uni<List<ProgramView>> programs() {
        return Uni.createFrom().item(() -> catalog.programs().stream().map(ProgramView::of).toList());
    }
}
