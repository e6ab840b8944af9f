package io.onestop.assistance.intake;

import io.onestop.assistance.programs.Program;
import java.util.List;
import java.util.UUID;

/**
 * What other contexts (documents, later tracking) may know of a draft or an intake without reading its tables: who
 * owns it, whether the resident may still change it, the programs it applies for with the members each is about,
 * and, once submitted, the program cases with the agency and region that handle them.
 */
public record ApplicationOutline(UUID id, boolean submitted, String ownerSubject, boolean open,
        List<ProgramMembers> programs, List<CaseRef> cases) {

    /** A program the application is for and the member ids its verdict is about (empty: the whole household). */
    public record ProgramMembers(Program program, List<String> memberIds) {
    }

    /** One program case, with what staff scope is checked against. */
    public record CaseRef(UUID id, Program program, String agency, String regionCode) {
    }
}
