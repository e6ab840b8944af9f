package io.onestop.assistance.delegation;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window counters for the no-account status query, one per client address and one per intake number. Counted
 * on the service clock, so tests can move into a window of their own.
 */
@ApplicationScoped
public class StatusQueryLimiter {

    private record Window(long index, int count) {
    }

    private final StatusQueryConfig config;
    private final Clock clock;
    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    public StatusQueryLimiter(StatusQueryConfig config, Clock clock) {
        if (config.perAddress() < 1 || config.perIntakeNumber() < 1 || config.window().isZero()) {
            throw new IllegalArgumentException("assistance.status-query limits and window must be positive");
        }
        this.config = config;
        this.clock = clock;
    }

    /**
     * Counts one query of {@code address} for {@code intakeNumber}.
     *
     * @return 0 when it may go ahead, else the whole seconds until the window that refused it ends
     */
    public long acquire(String address, String intakeNumber) {
        long wait = take("address:" + (address == null ? "unknown" : address), config.perAddress());
        return wait > 0 ? wait : take("intake:" + intakeNumber, config.perIntakeNumber());
    }

    private long take(String key, int limit) {
        long windowMillis = config.window().toMillis();
        long now = clock.millis();
        long index = now / windowMillis;
        if (windows.size() >= config.maxTracked()) {
            windows.values().removeIf(w -> w.index() != index);
        }
        Window window = windows.compute(key, (k, old) -> old == null || old.index() != index
                ? new Window(index, 1) : new Window(index, old.count() + 1));
        if (window.count() <= limit) {
            return 0;
        }
        return Math.max(1, ((index + 1) * windowMillis - now + 999) / 1000);
    }
}
