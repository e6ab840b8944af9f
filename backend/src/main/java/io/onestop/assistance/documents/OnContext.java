package io.onestop.assistance.documents;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.concurrent.Executor;

/**
 * Hibernate Reactive only runs on the request's Vert.x context, while file work runs on worker threads and the S3
 * client completes on its own threads. Capture the context before leaving it and {@code emitOn} this executor to
 * come back before the next database step.
 */
final class OnContext {

    private OnContext() {
    }

    static Executor current() {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("Must be called on a Vert.x context");
        }
        return command -> context.runOnContext(ignored -> command.run());
    }
}
