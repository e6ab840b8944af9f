package io.onestop.assistance.miniprogram.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Calls to the platform API with its error conventions: retry only when busy (-1), with bounded back-off. */
@ApplicationScoped
public class PlatformService {

    private static final Logger LOG = Logger.getLogger(PlatformService.class);

    private final PlatformClient client;
    private final PlatformConfig config;
    private final ObjectMapper json;

    PlatformService(PlatformClient client, PlatformConfig config, ObjectMapper json) {
        this.client = client;
        this.config = config;
        this.json = json;
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
