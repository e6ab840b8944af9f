package io.onestop.assistance.miniprogram.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jboss.logging.Logger;

/** Calls to the platform API with its error conventions: retry only when busy (-1), with bounded back-off. */
@ApplicationScoped
public class PlatformService {

    private static final Logger LOG = Logger.getLogger(PlatformService.class);
    /** The user refused, or used up their acceptances of this template. */
    private static final int QUOTA_USED_UP = 43101;

    private final PlatformClient client;
    private final PlatformConfig config;
    private final ObjectMapper json;
    /** The app's access token, shared by all requests until shortly before it expires (the platform caps fetches). */
    private final AtomicReference<AccessToken> accessToken = new AtomicReference<>();
    private final Uni<String> currentAccessToken;

    PlatformService(PlatformClient client, PlatformConfig config, ObjectMapper json) {
        this.client = client;
        this.config = config;
        this.json = json;
        // Shared by every request until it is stale or the platform refuses it; then the next request fetches anew.
        this.currentAccessToken = Uni.createFrom().deferred(this::fetchAccessToken)
                .memoize().until(() -> stale(accessToken.get()));
    }

    /** Exchanges a {@code wx.login} code for the user's openid (and unionid when the platform gives one). */
    public Uni<PlatformSession> codeToSession(String code) {
        return Uni.createFrom().deferred(() -> client.codeToSession(config.appId(), config.appSecret(), code,
                        "authorization_code"))
                .map(this::session)
                // A code is single-use: only "busy" (nothing was consumed) is safe and useful to retry.
                .onFailure(failure -> failure instanceof PlatformException platform && platform.busy())
                .retry().withBackOff(config.busyBackoff(), config.busyMaxBackoff()).atMost(config.busyRetries());
    }

    /** Exchanges a getPhoneNumber code (valid 5 minutes, single use) for the user's verified phone number. */
    public Uni<PhoneNumber> phoneNumber(String code) {
        return withAccessToken(token -> client.phoneNumber(token, Map.of("code", code)))
                .map(this::phone)
                .onFailure(failure -> failure instanceof PlatformException platform && platform.busy())
                .retry().withBackOff(config.busyBackoff(), config.busyMaxBackoff()).atMost(config.busyRetries());
    }

    /**
     * Sends one subscribe message; the values must already fit the platform's limits (see TemplateValues).
     * Answers false when the platform refuses it because the user has no acceptance left (43101): the caller falls
     * back to the in-app inbox and SMS.
     */
    public Uni<Boolean> sendSubscribeMessage(Map<String, Object> message) {
        return withAccessToken(token -> client.sendSubscribeMessage(token, message))
                .map(body -> {
                    int errcode = tree(body).path("errcode").asInt(0);
                    if (errcode == 0 || errcode == QUOTA_USED_UP) {
                        return errcode == 0;
                    }
                    throw new PlatformException(errcode);
                });
    }

    /** Calls with the shared access token; a refused token is dropped and the call made once more with a new one. */
    private Uni<String> withAccessToken(Function<String, Uni<String>> call) {
        return Uni.createFrom().deferred(() -> currentAccessToken)
                .chain(token -> call.apply(token))
                .onItem().invoke(body -> {
                    int errcode = tree(body).path("errcode").asInt(0);
                    if (errcode == PlatformException.INVALID_ACCESS_TOKEN || errcode == PlatformException.EXPIRED_ACCESS_TOKEN) {
                        accessToken.set(null);
                        throw new PlatformException(errcode);
                    }
                })
                .onFailure(failure -> failure instanceof PlatformException platform && platform.accessTokenRefused())
                .retry().atMost(1);
    }

    private Uni<String> fetchAccessToken() {
        return client.accessToken("client_credential", config.appId(), config.appSecret()).map(body -> {
            JsonNode answer = tree(body);
            if (answer.path("errcode").asInt(0) != 0) {
                throw new PlatformException(answer.path("errcode").asInt());
            }
            String token = answer.path("access_token").asText(null);
            if (token == null) {
                throw new PlatformUnavailableException();
            }
            // Renew five minutes early so no request carries a token that expires on the way.
            long lifetime = Math.max(60, answer.path("expires_in").asLong(7200) - 300);
            accessToken.set(new AccessToken(Instant.now().plus(Duration.ofSeconds(lifetime))));
            return token;
        });
    }

    private PhoneNumber phone(String body) {
        JsonNode answer = tree(body);
        if (answer.path("errcode").asInt(0) != 0) {
            throw new PlatformException(answer.path("errcode").asInt());
        }
        JsonNode info = answer.path("phone_info");
        String number = info.path("purePhoneNumber").asText(null);
        if (number == null) {
            throw new PlatformUnavailableException();
        }
        return new PhoneNumber(number, info.path("countryCode").asText("86"));
    }

    private JsonNode tree(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            LOG.warn("platform answered something that is not JSON");
            throw new PlatformUnavailableException();
        }
    }

    private static boolean stale(AccessToken token) {
        return token == null || Instant.now().isAfter(token.renewAt());
    }

    private record AccessToken(Instant renewAt) {
    }

    /** A phone number the platform verified; personal data: never logged. */
    public record PhoneNumber(String number, String countryCode) {
    }

    private PlatformSession session(String body) {
        PlatformSession session;
        try {
            session = json.readValue(body, PlatformSession.class);
        } catch (JsonProcessingException e) {
            // Never log the body: it holds the session_key.
            LOG.warn("platform code-to-session answered something that is not JSON");
            throw new PlatformUnavailableException();
        }
        if (session.errcode() != null && session.errcode() != 0) {
            throw new PlatformException(session.errcode());
        }
        if (session.openid() == null || session.openid().isBlank()) {
            LOG.warn("platform code-to-session answered no openid");
            throw new PlatformUnavailableException();
        }
        return session;
    }
}
