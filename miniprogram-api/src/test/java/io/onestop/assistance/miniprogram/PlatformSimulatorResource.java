package io.onestop.assistance.miniprogram;

import io.onestop.assistance.platformsim.PlatformSimulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.util.Map;

/** Starts the platform simulator in-process on a free port: the gateway talks to it over real HTTP. */
public class PlatformSimulatorResource implements QuarkusTestResourceLifecycleManager {

    private static volatile PlatformSimulator simulator;

    /** The running simulator, to count calls and read sent messages. */
    public static PlatformSimulator simulator() {
        return simulator;
    }

    @Override
    public Map<String, String> start() {
        try {
            simulator = PlatformSimulator.start(0, PlatformSimulator.DEFAULT_APP_ID, PlatformSimulator.DEFAULT_APP_SECRET);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the platform simulator", e);
        }
        return Map.of("assistance.platform.base-url", simulator.baseUrl(),
                "assistance.platform.app-id", PlatformSimulator.DEFAULT_APP_ID,
                "assistance.platform.app-secret", PlatformSimulator.DEFAULT_APP_SECRET);
    }

    @Override
    public void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }
}
