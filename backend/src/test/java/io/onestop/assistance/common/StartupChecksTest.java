package io.onestop.assistance.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StartupChecksTest {

    @Test
    void aDatabaseUrlInAMessageCarriesNoCredentials() {
        assertEquals("jdbc:postgresql://db:5432/assistance",
                StartupChecks.withoutCredentials("jdbc:postgresql://db:5432/assistance?user=owner&password=secret"));
        assertEquals("jdbc:postgresql://db:5432/assistance",
                StartupChecks.withoutCredentials("jdbc:postgresql://db:5432/assistance"));
    }
}
