package io.onestop.assistance.cases.notice;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An objection to a public notice entry; anonymous objections are allowed by policy. */
@Schema(name = "ObjectionRequest", example = """
        {"text":"该户家中有一辆营运货车，申报时未说明。"}""")
public record ObjectionRequest(@NotBlank @Size(max = 2000) String text) {
}
