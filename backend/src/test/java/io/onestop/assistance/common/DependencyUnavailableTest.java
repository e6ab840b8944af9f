package io.onestop.assistance.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped or restarting, or the S3 store down or hung, is a 503 problem+json with Retry-After that the
 * client may retry; a bug stays a 500. (Found by infra/bench/faults: both answered 500 before.)
 */
class DependencyUnavailableTest {

    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void databaseConnectionLostMidRequestIs503() {
        assertUnavailable(mapper.unexpected(new HibernateException(ClosedConnectionException.INSTANCE)));
    }

    @Test
    void databaseRefusingConnectionsIs503() {
        assertUnavailable(mapper.unexpected(new CompletionException(new ConnectException("Connection refused"))));
        assertUnavailable(mapper.unexpected(new RuntimeException("Connection is not active now, current status: CLOSED")));
    }

    @Test
    void databaseShuttingDownOrStartingUpIs503() {
        assertUnavailable(mapper.unexpected(new PgException("terminating connection", "FATAL", "57P01", null)));
        assertUnavailable(mapper.unexpected(new PgException("the database system is starting up", "FATAL", "57P03", null)));
    }

    /** All pooled connections busy (or being opened to a server that does not answer) past the acquire timeout. */
    @Test
    void waitingForAPooledConnectionTooLongIs503() {
        assertUnavailable(mapper.unexpected(new HibernateException(new io.vertx.core.VertxException("Timeout waiting for connection"))));
        assertUnavailable(mapper.unexpected(new io.vertx.core.impl.NoStackTraceThrowable("Timeout")));
    }

    @Test
    void storageTimeoutIs503() {
        assertUnavailable(mapper.unexpected(new CompletionException(new SocketTimeoutException("timeout"))));
    }

    @Test
    void bugsAndDataErrorsStay500() {
        assertEquals(500, mapper.unexpected(new IllegalStateException("bug")).getStatus());
        assertEquals(500, mapper.unexpected(new PgException("duplicate key", "ERROR", "23505", null)).getStatus());
    }

    @Test
    void truncatedMultipartBodyIs400NotA500() {
        Response answer = mapper.unexpected(new java.io.IOException("Connection terminated reading multipart data"));
        assertEquals(400, answer.getStatus());
        assertEquals(Problem.MEDIA_TYPE, answer.getMediaType().toString());
    }

    private static void assertUnavailable(Response answer) {
        assertEquals(503, answer.getStatus());
        assertEquals(Problem.MEDIA_TYPE, answer.getMediaType().toString());
        assertEquals("2", answer.getHeaderString("Retry-After"));
        Problem problem = (Problem) answer.getEntity();
        assertEquals("urn:assistance:problem:unavailable", problem.type());
        assertTrue(problem.detail().contains("try again"), problem.detail());
    }
}
