package io.onestop.assistance.delegation;

import io.onestop.assistance.access.SharedRateLimiter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The two limits of the no-account status query, one per client address and one per intake number, counted in
 * fixed windows in the database ({@link SharedRateLimiter}): every query may text a code to someone's phone and opens
 * guesses at it, so the limits must hold for the whole service, however many replicas run.
 */
@ApplicationScoped
public class StatusQueryLimiter {

    private final StatusQueryConfig config;
    private final SharedRateLimiter limiter;

    public StatusQueryLimiter(StatusQueryConfig config, SharedRateLimiter limiter) {
        if (config.perAddress() < 1 || config.perIntakeNumber() < 1 || config.window().isZero()) {
            throw new IllegalArgumentException("assistance.status-query limits and window must be positive");
        }
        this.config = config;
        this.limiter = limiter;
    }

    /**
     * Counts one query of {@code address} for {@code intakeNumber}; a query refused for its address is not counted
     * against the intake number.
     *
     * @return 0 when it may go ahead, else the whole seconds until the window that refused it ends
     */
    public Uni<Long> acquire(String address, String intakeNumber) {
        return limiter.hit("status-query:address:" + (address == null ? "unknown" : address), config.perAddress(), config.window())
                .chain(wait -> wait > 0 ? Uni.createFrom().item(wait)
                        : limiter.hit("status-query:intake:" + intakeNumber, config.perIntakeNumber(), config.window()));
    }
}
