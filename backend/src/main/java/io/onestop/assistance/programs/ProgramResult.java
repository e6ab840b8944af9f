package io.onestop.assistance.programs;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The verdict of one program for one household, as the screening contract shows it. {@code members} lists the ids
 * the verdict is about (empty when not eligible); {@code whatWouldChange} is filled only for NOT_ELIGIBLE.
 */
@Schema(name = "ProgramResult")
public record ProgramResult(
        Program program,
        Verdict verdict,
        @Schema(description = "Fast track: assistance first, verification after") boolean urgent,
        List<String> members,
        Estimate estimate,
        List<Reason> reasons,
        List<ChangeNeeded> whatWouldChange,
        List<DocumentType> documents) {

    /** ELIGIBLE or POSSIBLY_ELIGIBLE: the household may get this program. */
    public boolean qualifies() {
        return verdict != Verdict.NOT_ELIGIBLE;
    }
}
