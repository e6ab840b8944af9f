package io.onestop.assistance.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StaffScopeTest {

    @ParameterizedTest(name = "{0}@{1} sees {2}@{3}: {4}")
    @CsvSource({
        "CIVIL_AFFAIRS, 140105,    CIVIL_AFFAIRS,     140105,    true",   // same county
        "CIVIL_AFFAIRS, 140105,    CIVIL_AFFAIRS,     140105001, true",   // county sees its township
        "CIVIL_AFFAIRS, 140105001, CIVIL_AFFAIRS,     140105,    true",   // township sees its county's intakes
        "CIVIL_AFFAIRS, 140106,    CIVIL_AFFAIRS,     140105,    false",  // another county
        "CIVIL_AFFAIRS, 140105,    MEDICAL_INSURANCE, 140105,    false",  // another agency
        "CIVIL_AFFAIRS, 1401,      CIVIL_AFFAIRS,     140105,    true",   // city sees its districts
        "CIVIL_AFFAIRS, ,          CIVIL_AFFAIRS,     140105,    false"}) // no region claim: nothing
    void coversOwnAgencyInNestedRegions(String agency, String region, String caseAgency, String caseRegion, boolean expected) {
        assertEquals(expected, new StaffScope(agency, region, Set.of("caseworker")).covers(caseAgency, caseRegion));
    }
}
