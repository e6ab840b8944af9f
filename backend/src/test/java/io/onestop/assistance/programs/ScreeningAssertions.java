package io.onestop.assistance.programs;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** Assertions on a screening that every test shares: the contract's shape and the rules' promises. */
public final class ScreeningAssertions {

    private ScreeningAssertions() {
    }

    public static ProgramResult result(Screening screening, Program program) {
        return screening.programs().stream().filter(r -> r.program() == program).findFirst().orElseThrow();
    }

    /**
     * Asserts one program per line, field by field: {@code "PROGRAM VERDICT amount PERIOD [members] [URGENT]"},
     * members as {@code m1,m2} or {@code -} for none.
     */
    public static void assertPrograms(Screening screening, String... lines) {
        List<Executable> checks = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            Program program = Program.valueOf(f[0]);
            ProgramResult r = result(screening, program);
            List<String> members = f.length > 4 && !f[4].equals("-") ? Arrays.asList(f[4].split(",")) : List.of();
            boolean urgent = f.length > 5 && f[5].equals("URGENT");
            checks.add(() -> assertEquals(Verdict.valueOf(f[1]), r.verdict(), program + " verdict"));
            checks.add(() -> assertEquals(0, new BigDecimal(f[2]).compareTo(r.estimate().amount()),
                    program + " amount: expected " + f[2] + ", was " + r.estimate().amount()));
            checks.add(() -> assertEquals(EstimatePeriod.valueOf(f[3]), r.estimate().period(), program + " period"));
            if (f.length > 4) {
                checks.add(() -> assertEquals(members, r.members(), program + " members"));
            }
            checks.add(() -> assertEquals(urgent, r.urgent(), program + " urgent"));
        }
        assertAll(checks);
    }

    /** What every screening promises, whatever the household. */
    public static void assertContract(Screening screening) {
        assertEquals(Arrays.asList(Program.values()), screening.programs().stream().map(ProgramResult::program).toList(),
                "all 13 programs in spec order");
        for (ProgramResult r : screening.programs()) {
            assertEquals(r.program().estimatePeriod(), r.estimate().period(), r.program() + " period");
            assertEquals(r.program().documents(), r.documents(), r.program() + " documents");
            assertFalse(r.reasons().isEmpty(), r.program() + " has reasons");
            for (Reason reason : r.reasons()) {
                assertNotNull(reason.code());
                assertTrue(reason.message().zh() != null && !reason.message().zh().isBlank(), "zh message");
                assertTrue(reason.message().en() != null && !reason.message().en().isBlank(), "en message");
            }
            assertEquals(0, r.estimate().amount().scale(), r.program() + " estimate in whole yuan");
            if (r.verdict() == Verdict.NOT_ELIGIBLE) {
                assertEquals(0, r.estimate().amount().signum(), r.program() + " not eligible pays 0");
                assertTrue(r.members().isEmpty(), r.program() + " not eligible lists no member");
                assertFalse(r.urgent(), r.program() + " not eligible is not urgent");
                boolean failsOnNumber = r.reasons().stream()
                        .anyMatch(reason -> !reason.met() && reason.actual() != null && reason.threshold() != null);
                if (failsOnNumber) {
                    assertFalse(r.whatWouldChange().isEmpty(), r.program() + " says what would change it");
                }
                for (ChangeNeeded change : r.whatWouldChange()) {
                    assertTrue(!change.message().zh().isBlank() && !change.message().en().isBlank());
                }
            } else {
                assertTrue(r.whatWouldChange().isEmpty(), r.program() + " qualifies, nothing to change");
                assertFalse(r.members().isEmpty(), r.program() + " qualifies for someone");
            }
        }
    }
}
