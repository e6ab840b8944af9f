package io.onestop.assistance.testing;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs reactive service and repository code from a test the way a request would: on a fresh duplicated Vert.x
 * context (Hibernate Reactive refuses other threads). Stands in for quarkus-test-vertx, which the reachable Maven
 * repository lacks for 3.34.1.
 */
public final class OnVertx {

    private OnVertx() {
    }

    public static <T> T await(Vertx vertx, Supplier<Uni<T>> work) {
        return awaitAll(vertx, List.of(work)).get(0);
    }

    /** Runs every piece of work at once, each on its own context (as concurrent requests would), and waits for all. */
    public static <T> List<T> awaitAll(Vertx vertx, List<Supplier<Uni<T>>> works) {
        List<CompletableFuture<T>> results = new ArrayList<>();
        for (Supplier<Uni<T>> work : works) {
            CompletableFuture<T> result = new CompletableFuture<>();
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> work.get().subscribe().with(result::complete, result::completeExceptionally));
            results.add(result);
        }
        try {
            CompletableFuture.allOf(results.toArray(CompletableFuture[]::new))
                    .get(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS);
            return results.stream().map(CompletableFuture::join).toList();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Timed out", e);
        }
    }
}
