package io.onestop.assistance.platformsim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the WeChat-style platform API the gateway calls: code-to-session, access token, phone number
 * and subscribe-message send, with the same paths, parameters and answer shapes ({@code errcode}/{@code errmsg}).
 *
 * <p>Scripted answers let tests prove the gateway's error handling. A login or phone code
 * <ul>
 *   <li>{@code err-<errcode>} (e.g. {@code err--1}, {@code err-40029}, {@code err-45011}, {@code err-40226})
 *       always answers that errcode;</li>
 *   <li>{@code flaky-<n>[.anything]} answers -1 (busy) for its first n calls, then succeeds;</li>
 *   <li>anything else succeeds. The part before the first {@code .} names the user, so {@code alice.1} and
 *       {@code alice.2} are two logins of the same person (same openid), as two real {@code wx.login} codes are.</li>
 * </ul>
 * A phone code {@code phone-13812345678} answers that number; other codes answer a number derived from the code.
 * Subscribe messages need an acceptance ({@code POST /sim/subscriptions?openid=&template_id=}), as the platform
 * needs the user's one-time consent; without one the send answers 43101 ({@link #openidOf} tells a test the openid of
 * a login code). A {@code touser} of {@code err-<errcode>} or {@code flaky-<n>} answers as a scripted code does. Sent
 * messages are recorded ({@code GET /sim/messages}, {@link #sentMessagesTo}).
 *
 * <p>It also stands in for the SMS provider: {@code POST /sms/send} with {@code {"phone":"...","text":"..."}} answers
 * {@code errcode 0} and records the text ({@code GET /sim/sms?phone=} lists a number's texts, oldest first); a
 * number ending in {@code 0000} is unreachable (errcode 1001), so callers can prove their fallback.
 */
public final class PlatformSimulator implements AutoCloseable {

    /** The app id and secret the local stack uses; a real deployment configures the platform's own. */
    public static final String DEFAULT_APP_ID = "wx00000000sim00001";
    public static final String DEFAULT_APP_SECRET = "simulator-secret";
    public static final int DEFAULT_PORT = 8089;

    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([^\"\\\\]*)\"");
    private static final Pattern TOUSER = Pattern.compile("\"touser\"\\s*:\\s*\"([^\"\\\\]*)\"");
    private static final Pattern TEMPLATE = Pattern.compile("\"template_id\"\\s*:\\s*\"([^\"\\\\]*)\"");
    private static final Pattern PHONE = Pattern.compile("\"phone\"\\s*:\\s*\"([^\"\\\\]*)\"");
    private static final Pattern TEXT = Pattern.compile("\"text\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern THING = Pattern.compile("\"(thing\\d+)\"\\s*:\\s*\\{\\s*\"value\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Map<Integer, String> MESSAGES = Map.ofEntries(
            Map.entry(-1, "system error"),
            Map.entry(40029, "invalid code"),
            Map.entry(45011, "api minute-quota reach limit  mustslower  retry next minute"),
            Map.entry(40226, "high risk level user, code blocked"),
            Map.entry(40013, "invalid appid"),
            Map.entry(40125, "invalid appsecret"),
            Map.entry(40001, "invalid credential, access_token is invalid or not latest"),
            Map.entry(43101, "user refuse to accept the msg"),
            Map.entry(47003, "argument invalid! data.thing.value exceeds 20 characters"),
            Map.entry(1000, "invalid phone or text"),
            Map.entry(1001, "phone unreachable"));

    private final HttpServer server;
    private final String appId;
    private final String appSecret;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, AtomicInteger> busyAnswersGiven = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> acceptances = new ConcurrentHashMap<>();
    private final List<String> sentMessages = new CopyOnWriteArrayList<>();
    private final Map<String, List<String>> smsByPhone = new ConcurrentHashMap<>();

    private PlatformSimulator(HttpServer server, String appId, String appSecret) {
        this.server = server;
        this.appId = appId;
        this.appSecret = appSecret;
    }

    /** Starts on 127.0.0.1; port 0 picks a free one (see {@link #port()}). */
    public static PlatformSimulator start(int port, String appId, String appSecret) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        PlatformSimulator simulator = new PlatformSimulator(server, appId, appSecret);
        server.createContext("/", simulator::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "platform-simulator");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return simulator;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int port = Integer.parseInt(env("PLATFORM_SIM_PORT", Integer.toString(DEFAULT_PORT)));
        PlatformSimulator simulator = start(port, env("PLATFORM_APP_ID", DEFAULT_APP_ID),
                env("PLATFORM_APP_SECRET", DEFAULT_APP_SECRET));
        System.out.println("platform simulator listening on http://127.0.0.1:" + simulator.port());
        Thread.currentThread().join(); // serve until killed: the server's threads are daemons
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** How many requests reached this path (e.g. {@code /sns/jscode2session}): tests count retries with it. */
    public int calls(String path) {
        AtomicInteger count = calls.get(path);
        return count == null ? 0 : count.get();
    }

    /** The user accepted one message of this template in the mini program ({@code wx.requestSubscribeMessage}). */
    public void accept(String openid, String templateId) {
        acceptances.computeIfAbsent(openid + "|" + templateId, key -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * The openid a successful login with this code answers (the user is the part before the first {@code .}), so a
     * test can accept templates for a user as the platform would after {@code wx.requestSubscribeMessage}.
     */
    public String openidOf(String loginCode) {
        return "o" + digest("openid|" + appId + "|" + loginCode.split("\\.", 2)[0]).substring(0, 27);
    }

    /** Subscribe messages sent successfully to this openid, oldest first (the request bodies). */
    public List<String> sentMessagesTo(String openid) {
        return sentMessages.stream().filter(body -> openid.equals(first(TOUSER, body))).toList();
    }

    /** Every access token handed out so far becomes invalid (40001), as after a fetch elsewhere or an expiry. */
    public void revokeAccessTokens() {
        accessTokens.clear();
    }

    /** Bodies of the subscribe messages sent successfully, oldest first. */
    public List<String> sentMessages() {
        return List.copyOf(sentMessages);
    }

    /** Texts sent by SMS to this number, oldest first. */
    public List<String> smsTo(String phone) {
        return List.copyOf(smsByPhone.getOrDefault(phone, List.of()));
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            calls.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            String body = read(exchange.getRequestBody());
            String method = exchange.getRequestMethod();
            switch (method + " " + path) {
                // The real endpoint answers JSON labelled text/plain; the gateway must not depend on the label.
                case "GET /sns/jscode2session" -> send(exchange, 200, "text/plain", codeToSession(query));
                case "GET /cgi-bin/token" -> send(exchange, 200, "application/json", accessToken(query));
                case "POST /wxa/business/getuserphonenumber" -> send(exchange, 200, "application/json",
                        phoneNumber(query, body));
                case "POST /cgi-bin/message/subscribe/send" -> send(exchange, 200, "application/json",
                        subscribeSend(query, body));
                case "POST /sim/subscriptions" -> {
                    accept(query.getOrDefault("openid", ""), query.getOrDefault("template_id", ""));
                    send(exchange, 200, "application/json", error(0));
                }
                case "GET /sim/messages" -> send(exchange, 200, "application/json",
                        "[" + String.join(",", sentMessages) + "]");
                case "POST /sms/send" -> send(exchange, 200, "application/json", sms(body));
                case "GET /sim/sms" -> send(exchange, 200, "application/json", smsTo(query.getOrDefault("phone", ""))
                        .stream().map(PlatformSimulator::quote).collect(java.util.stream.Collectors.joining(",", "[", "]")));
                default -> send(exchange, 404, "application/json", "{\"errcode\":404,\"errmsg\":\"not found\"}");
            }
        }
    }

    private String codeToSession(Map<String, String> query) {
        if (!appId.equals(query.get("appid"))) {
            return error(40013);
        }
        if (!appSecret.equals(query.get("secret"))) {
            return error(40125);
        }
        String code = query.getOrDefault("js_code", "");
        if (code.isBlank() || !"authorization_code".equals(query.get("grant_type"))) {
            return error(40029);
        }
        Integer scripted = scripted(code);
        if (scripted != null) {
            return error(scripted);
        }
        return "{\"openid\":\"%s\",\"unionid\":\"%s\",\"session_key\":\"%s\"}".formatted(
                openidOf(code),
                "u" + digest("unionid|" + code.split("\\.", 2)[0]).substring(0, 27),
                Base64.getEncoder().encodeToString(randomBytes(16)));
    }

    private String accessToken(Map<String, String> query) {
        if (!appId.equals(query.get("appid"))) {
            return error(40013);
        }
        if (!appSecret.equals(query.get("secret"))) {
            return error(40125);
        }
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
        accessTokens.add(token);
        return "{\"access_token\":\"%s\",\"expires_in\":7200}".formatted(token);
    }

    private String phoneNumber(Map<String, String> query, String body) {
        if (!accessTokens.contains(query.getOrDefault("access_token", ""))) {
            return error(40001);
        }
        String code = first(CODE, body);
        if (code == null || code.isBlank()) {
            return error(40029);
        }
        Integer scripted = scripted(code);
        if (scripted != null) {
            return error(scripted);
        }
        String number = code.matches("phone-1\\d{10}") ? code.substring(6)
                : "139" + String.format("%08d", Math.floorMod(digest(code).hashCode(), 100_000_000));
        return """
                {"errcode":0,"errmsg":"ok","phone_info":{"phoneNumber":"%s","purePhoneNumber":"%s","countryCode":"86",\
                "watermark":{"timestamp":%d,"appid":"%s"}}}""".formatted(number, number,
                System.currentTimeMillis() / 1000, appId);
    }

    private String subscribeSend(Map<String, String> query, String body) {
        if (!accessTokens.contains(query.getOrDefault("access_token", ""))) {
            return error(40001);
        }
        // A scripted recipient (err-<errcode>, flaky-<n>) answers like a scripted login code, e.g. err--1 (busy).
        String touser = first(TOUSER, body);
        Integer scripted = touser == null ? null : scripted(touser);
        if (scripted != null) {
            return error(scripted);
        }
        Matcher thing = THING.matcher(body);
        while (thing.find()) {
            // The platform's limit for `thing` values: 20 characters (code points of the unescaped text).
            if (unescape(thing.group(2)).codePointCount(0, unescape(thing.group(2)).length()) > 20) {
                return error(47003);
            }
        }
        AtomicInteger remaining = acceptances.get(first(TOUSER, body) + "|" + first(TEMPLATE, body));
        if (remaining == null || remaining.getAndUpdate(n -> Math.max(0, n - 1)) <= 0) {
            return error(43101);
        }
        sentMessages.add(body);
        return error(0);
    }

    private String sms(String body) {
        String phone = first(PHONE, body);
        String text = first(TEXT, body);
        if (phone == null || !phone.matches("1\\d{10}") || text == null || text.isBlank()) {
            return error(1000);
        }
        if (phone.endsWith("0000")) {
            return error(1001);
        }
        smsByPhone.computeIfAbsent(phone, key -> new CopyOnWriteArrayList<>()).add(unescape(text));
        return error(0);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** The errcode a scripted code asks for, or null for a code that should succeed. */
    private Integer scripted(String code) {
        if (code.startsWith("err-")) {
            try {
                return Integer.parseInt(code.substring(4).split("\\.", 2)[0]);
            } catch (NumberFormatException e) {
                return 40029;
            }
        }
        Matcher flaky = Pattern.compile("flaky-(\\d+)(\\..*)?").matcher(code);
        if (flaky.matches()) {
            int failures = Integer.parseInt(flaky.group(1));
            int given = busyAnswersGiven.computeIfAbsent(code, key -> new AtomicInteger()).getAndIncrement();
            return given < failures ? -1 : null;
        }
        return null;
    }

    private static String error(int errcode) {
        return "{\"errcode\":%d,\"errmsg\":\"%s\"}".formatted(errcode, errcode == 0 ? "ok"
                : MESSAGES.getOrDefault(errcode, "error " + errcode));
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType + "; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static String read(InputStream in) throws IOException {
        // Platform request bodies are small JSON documents; cap what we read so a stray upload cannot exhaust memory.
        return new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
    }

    private static String first(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static String unescape(String json) {
        Matcher unicode = Pattern.compile("\\\\u([0-9a-fA-F]{4})").matcher(json);
        StringBuilder out = new StringBuilder();
        while (unicode.find()) {
            unicode.appendReplacement(out, Matcher.quoteReplacement(
                    String.valueOf((char) Integer.parseInt(unicode.group(1), 16))));
        }
        unicode.appendTail(out);
        return out.toString().replaceAll("\\\\(.)", "$1");
    }

    private byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).replace('-', 'x').replace('_', 'y');
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
