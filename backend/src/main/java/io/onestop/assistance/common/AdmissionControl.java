package io.onestop.assistance.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Refuses API requests beyond {@link AdmissionConfig#maxInFlight()} in progress with 503 problem+json and
 * Retry-After, before authentication, JSON or a database connection is spent on them. Without it an overload is
 * accepted whole and queues on the event loop and the PostgreSQL pool: every answer gets slow and goodput falls
 * (infra/bench, overload). Health and metrics ({@code /q/}) and the portal's files are never refused.
 */
@ApplicationScoped
public class AdmissionControl {

    static final String BODY_FORMAT = "{\"type\":\"urn:assistance:problem:overloaded\",\"title\":\"Server busy\","
            + "\"status\":503,\"detail\":\"Too many requests in progress; retry after %d s.\"}";

    private final Gate gate;
    private final String retryAfter;
    private final String body;

    public AdmissionControl(AdmissionConfig config) {
        this.gate = new Gate(config.maxInFlight());
        this.retryAfter = Integer.toString(config.retryAfterSeconds());
        this.body = BODY_FORMAT.formatted(config.retryAfterSeconds());
    }

    // before SpaFallback (100): the count covers the whole request
    void register(@Observes Filters filters) {
        filters.register(context -> {
            if (!context.normalizedPath().startsWith("/api/")) {
                context.next();
                return;
            }
            if (!gate.tryEnter()) {
                context.response().setStatusCode(503).putHeader("Retry-After", retryAfter)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
                return;
            }
            // called once when the answer is sent, or when the connection closes before that
            context.addEndHandler(done -> gate.leave());
            context.next();
        }, 200);
    }

    /** The in-progress count; a limit of 0 or less admits everything. */
    static final class Gate {
        private final int limit;
        private final AtomicInteger inFlight = new AtomicInteger();

        Gate(int limit) {
            this.limit = limit;
        }

        boolean tryEnter() {
            if (limit <= 0) {
                return true;
            }
            if (inFlight.incrementAndGet() > limit) {
                inFlight.decrementAndGet();
                return false;
            }
            return true;
        }

        void leave() {
            if (limit > 0) {
                inFlight.decrementAndGet();
            }
        }

        int inFlight() {
            return inFlight.get();
        }
    }
}
