package io.onestop.assistance.programs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog that the screening, the intake checklist and the public endpoint share. */
class ProgramCatalogServiceTest {

    private final ProgramCatalogService catalog = new ProgramCatalogService();

    @Test
    void listsThirteenProgramsEachWithAnAgencyDocumentsStepsAndADeadline() {
        assertEquals(13, catalog.programs().size());
        for (Program program : catalog.programs()) {
            assertTrue(program.documents().contains(DocumentType.ID_CARD), program + " asks for the ID card");
            assertEquals(WorkflowStep.SUBMITTED, program.workflow().get(0), program + " starts when submitted");
            assertEquals(WorkflowStep.APPROVED, program.workflow().get(program.workflow().size() - 1));
            assertTrue(program.legalDeadlineWorkingDays() > 0);
        }
        assertEquals(30, Program.MINIMUM_LIVING_ALLOWANCE.legalDeadlineWorkingDays());
        assertEquals(List.of(WorkflowStep.SUBMITTED, WorkflowStep.ACCEPTED, WorkflowStep.APPROVED),
                Program.OLD_AGE_ALLOWANCE.workflow());
    }

    @Test
    void mergesTheDocumentsOfSeveralProgramsIntoOneChecklist() {
        assertEquals(List.of(DocumentType.ID_CARD, DocumentType.HOUSEHOLD_REGISTER, DocumentType.INCOME_PROOF,
                        DocumentType.MEDICAL_BILLS, DocumentType.DISCHARGE_SUMMARY),
                List.copyOf(catalog.documentsFor(List.of(Program.MEDICAL_ASSISTANCE, Program.MINIMUM_LIVING_ALLOWANCE))));
    }
}
