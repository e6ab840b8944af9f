package io.onestop.assistance.common;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Tells a failure of a system we depend on (PostgreSQL stopped or restarting, the S3 store down or not answering)
 * from a bug: the first is a 503 the client may retry, the second a 500. Looks through the whole cause chain,
 * since Hibernate Reactive, Mutiny and the MinIO client each wrap the network error in their own exception.
 */
public final class DependencyFailure {

    /** SQLSTATE classes and codes of a server that is going away, starting up, or unreachable. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private DependencyFailure() {
    }

    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof UnknownHostException
                    || t instanceof SocketException || t instanceof ClosedConnectionException
                    // OkHttp (MinIO client) reports its connect, read and write timeouts as SocketTimeoutException,
                    // an InterruptedIOException
                    || t instanceof InterruptedIOException) {
                return true;
            }
            if (t instanceof PgException pg && pg.getSqlState() != null
                    && (pg.getSqlState().startsWith("08") || UNAVAILABLE_STATES.contains(pg.getSqlState()))) {
                return true;
            }
            // The reactive pool fails requests on a connection that PostgreSQL closed with this message (no class),
            // and a wait for a pooled connection past assistance.database.acquire-timeout with "Timeout" (Hibernate
            // Reactive says "Timeout waiting for connection").
            String message = t.getMessage();
            if (message != null && (message.startsWith("Connection is not active now")
                    || message.startsWith("Timeout waiting for connection")
                    || t instanceof NoStackTraceThrowable && message.equals("Timeout"))) {
                return true;
            }
        }
        return false;
    }
}
