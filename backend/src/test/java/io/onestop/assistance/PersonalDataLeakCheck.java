package io.onestop.assistance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.onestop.assistance.testing.PersonalDataScan;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs after the whole backend suite (its own surefire execution, see pom.xml): no national id number in any answer
 * the suite received, except from the audited reveal, and none in the backend's log.
 */
class PersonalDataLeakCheck {

    @Test
    void noAnswerOfTheSuiteCarriedANationalIdOutsideTheReveal() throws IOException {
        List<String> leaks = Files.exists(PersonalDataScan.LEAKS)
                ? Files.readAllLines(PersonalDataScan.LEAKS, StandardCharsets.UTF_8) : List.of();
        assertEquals(List.of(), leaks, "answers carrying a national id number");
    }

    @Test
    void theBackendLogCarriesNoNationalId() throws IOException {
        // no file or an empty one: no Quarkus test ran in this build (-Dtest named only unit tests or another module's)
        String log = Files.exists(PersonalDataScan.BACKEND_LOG)
                ? Files.readString(PersonalDataScan.BACKEND_LOG, StandardCharsets.UTF_8) : "";
        assertEquals(List.of(), PersonalDataScan.nationalIds(log).stream().distinct().toList(),
                "national id numbers in target/backend-test.log");
    }

    @Test
    void theScannerFindsValidIdsOnly() {
        assertEquals(List.of("110101199003074514"), PersonalDataScan.nationalIds(
                "{\"a\":\"110101199003074514\",\"b\":\"110101199003074515\",\"c\":\"1101**********4514\",\"d\":\"x110101199003074514\"}"));
    }
}
