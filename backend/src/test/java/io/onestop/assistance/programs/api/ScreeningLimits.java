package io.onestop.assistance.programs.api;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Rate limits for resource tests, which all call from 127.0.0.1 (the test profile of application.properties is generous). */
public final class ScreeningLimits {

    private ScreeningLimits() {
    }

    /** Two screenings, then one a minute: the third request in a row is throttled. */
    public static class Strict implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("assistance.screening.burst", "2", "assistance.screening.requests-per-minute", "1");
        }
    }
}
