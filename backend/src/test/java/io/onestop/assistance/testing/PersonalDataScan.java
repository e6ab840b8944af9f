package io.onestop.assistance.testing;

import io.onestop.assistance.access.NationalId;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds national id numbers where they must never be: in any answer the suite receives (a REST Assured filter,
 * installed for every test by {@link LocalStackResource}) and in the backend's log. The one allowed place is the
 * audited staff reveal. Hits are appended to files under target/, so every class loader and test class shares them.
 */
public final class PersonalDataScan implements Filter {

    /** 18 characters with a plausible birth date; the GB 11643 checksum is checked on top. */
    private static final Pattern CANDIDATE = Pattern.compile(
            "(?<![0-9A-Za-z])[1-9]\\d{5}(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])\\d{3}[0-9Xx](?![0-9A-Za-z])");
    private static final Pattern REVEAL = Pattern.compile(".*/api/v1/cases/[^/]+/applicant/reveal$");

    public static final Path LEAKS = Path.of("target", "personal-data-scan", "leaks.txt");
    public static final Path REVEALS = Path.of("target", "personal-data-scan", "reveals.txt");
    /** The backend's log during the tests ({@code %test.quarkus.log.file.path}). */
    public static final Path BACKEND_LOG = Path.of("target", "backend-test.log");
    /** A String system property: Quarkus test class loaders each see their own statics, but one JVM. */
    private static final String STARTED = "assistance.test.personal-data-scan-started";

    /** Forgets the hits of earlier runs, once per test JVM. */
    public static void startRun() {
        synchronized (System.getProperties()) {
            if (System.getProperty(STARTED) != null) {
                return;
            }
            System.setProperty(STARTED, "true");
        }
        try {
            Files.deleteIfExists(LEAKS);
            Files.deleteIfExists(REVEALS);
            if (Files.exists(BACKEND_LOG)) {
                // truncated, not deleted: Quarkus may already hold it open (in append mode) for this run
                Files.write(BACKEND_LOG, new byte[0]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every valid national id number in {@code text}. */
    public static List<String> nationalIds(String text) {
        List<String> found = new ArrayList<>();
        Matcher m = CANDIDATE.matcher(text);
        while (m.find()) {
            if (NationalId.isValid(m.group())) {
                found.add(m.group());
            }
        }
        return found;
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response, FilterContext ctx) {
        Response answer = ctx.next(request, response);
        String body = answer.asString();
        List<String> ids = body == null ? List.of() : nationalIds(body);
        String path = request.getURI().replaceAll("\\?.*", "");
        // The API description shows sample request bodies (a made-up id of the right shape), not anyone's data.
        if (!ids.isEmpty() && !path.endsWith("/q/openapi")) {
            append(REVEAL.matcher(path).matches() ? REVEALS : LEAKS,
                    request.getMethod() + " " + path + " -> " + answer.statusCode() + " " + ids.size() + " id(s)");
        }
        return answer;
    }

    private static synchronized void append(Path file, String line) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
