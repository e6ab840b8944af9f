package io.onestop.assistance.documents.scan;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/** The backend with a (fake) virus scanner configured; the scheduled scan is slowed so the test drives it. */
public class WithScanner implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(FakeVirusScanner.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("assistance.documents.scan-every", "1h");
    }
}
