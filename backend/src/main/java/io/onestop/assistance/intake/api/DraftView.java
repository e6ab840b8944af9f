package io.onestop.assistance.intake.api;

import io.onestop.assistance.programs.Household;
import io.onestop.assistance.programs.Program;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A draft as its owner sees it; {@code version} is also sent as the ETag. */
public record DraftView(UUID id, int version, Household household, ApplicantView applicant,
        List<Program> chosenPrograms, String situation, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
