package io.onestop.assistance.miniprogram;

import io.onestop.assistance.testing.LocalStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Starts the real backend (its packaged runner jar, built earlier in the reactor) against the real local stack,
 * so the gateway's tests cross a real HTTP hop. Stopped after the tests. The gateway under test gets a port chosen
 * here, because backend must know where to fetch the gateway's JWKS (its `miniprogram` OIDC tenant).
 */
public class BackendProcess implements QuarkusTestResourceLifecycleManager {

    private static volatile String baseUrl;
    private Process process;

    /** Where the backend under test listens, for tests that call it directly. */
    public static String baseUrl() {
        return baseUrl;
    }

    @Override
    public Map<String, String> start() {
        Path runner = Path.of(System.getProperty("backend.runner", "../backend/target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(runner)) {
            throw new IllegalStateException("Build backend first: " + runner.toAbsolutePath() + " is missing");
        }
        int port = freePort();
        int gatewayPort = freePort();
        try {
            File log = Files.createDirectories(Path.of("target")).resolve("backend-under-test.log").toFile();
            ProcessBuilder builder = new ProcessBuilder("java", "-Xmx256m", "-jar", runner.toAbsolutePath().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log);
            Map<String, String> env = builder.environment();
            LocalStack.environment().keySet().forEach(key -> env.put(key, LocalStack.get(key)));
            env.put("PG_DB", LocalStack.get("PG_TEST_DB"));
            env.put("HTTP_PORT", Integer.toString(port));
            env.put("HTTP_HOST", "127.0.0.1");
            env.put("MINIPROGRAM_URL", "http://127.0.0.1:" + gatewayPort);
            process = builder.start();
            waitUntilReady(port);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start backend", e);
        }
        baseUrl = "http://127.0.0.1:" + port;
        return Map.of("quarkus.rest-client.backend.url", baseUrl,
                "quarkus.http.test-port", Integer.toString(gatewayPort));
    }

    @Override
    public void stop() {
        if (process != null) {
            process.destroy();
        }
    }

    private void waitUntilReady(int port) {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("backend exited; see target/backend-under-test.log");
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("backend not ready within 90 s; see target/backend-under-test.log");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
