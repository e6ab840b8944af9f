package io.onestop.assistance.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Finds the real local stack (PostgreSQL, Keycloak, s3proxy) and starts it with {@code infra/bin/stack up} when it
 * is not running, so {@code mvn test} works on its own. Tests talk to the real servers, never to fakes.
 */
public final class LocalStack {

    private static Map<String, String> environment;

    private LocalStack() {
    }

    public static synchronized Map<String, String> environment() {
        if (environment == null) {
            Path root = projectRoot();
            start(root);
            environment = read(root.resolve("infra/.local/stack.env"));
        }
        return environment;
    }

    /** A value of the stack; the process environment wins, so a second checkout can use its own test database. */
    public static String get(String name) {
        String override = System.getenv(name);
        if (override != null && !override.isBlank()) {
            return override;
        }
        String value = environment().get(name);
        if (value == null) {
            throw new IllegalStateException("infra/.local/stack.env has no " + name);
        }
        return value;
    }

    public static Path projectRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("infra/bin/stack"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Cannot find infra/bin/stack above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    private static void start(Path root) {
        try {
            Process process = new ProcessBuilder("bash", root.resolve("infra/bin/stack").toString(), "up")
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(root.resolve("infra/.local-stack-up.log").toFile())
                    .start();
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("infra/bin/stack up failed; see infra/.local-stack-up.log");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run infra/bin/stack", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the local stack", e);
        }
    }

    private static Map<String, String> read(Path file) {
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String assignment = line.strip().replaceFirst("^export\\s+", "");
                int eq = assignment.indexOf('=');
                if (eq > 0 && !assignment.startsWith("#")) {
                    values.put(assignment.substring(0, eq), assignment.substring(eq + 1).replaceAll("^['\"]|['\"]$", ""));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + file, e);
        }
        return values;
    }
}
