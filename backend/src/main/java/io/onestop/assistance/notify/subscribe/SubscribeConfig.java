package io.onestop.assistance.notify.subscribe;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Mini-program subscribe messages: which template carries status changes and how backend reaches the gateway's
 * internal send endpoint. The gateway holds the platform's access token; backend holds the quota and the openid.
 */
@ConfigMapping(prefix = "assistance.subscribe")
public interface SubscribeConfig {

    /** The public development secret; the gateway ships the same one. Never use it outside the local stack. */
    String DEV_SECRET = "dev-only-miniprogram-internal-secret";

    /** Whether status changes go out as subscribe messages at all (false: the channel is never available). */
    @WithDefault("true")
    boolean enabled();

    /**
     * The platform's id of the "application progress" template (env ASSISTANCE_SUBSCRIBE_TEMPLATE_ID), as the
     * platform console assigned it. The mini program asks the resident to accept this id (GET
     * /api/v1/me/subscribe-acceptances names it). Its keywords must be {@code thing1} (what happened), {@code thing2}
     * (details) and {@code time3} (when).
     */
    @WithDefault("local-application-progress")
    String templateId();

    /** The mini-program page a tap on the message opens; {@code intakeId} is appended as a query parameter. */
    @WithDefault("pages/intake/status")
    String page();

    /** Base URL of miniprogram-api (application.properties: MINIPROGRAM_URL). */
    @WithDefault("http://127.0.0.1:8081")
    String gatewayUrl();

    /**
     * The shared secret backend sends to the gateway's internal endpoint as {@code Authorization: Bearer ...} (env
     * MINIPROGRAM_INTERNAL_SECRET, the same value in both services). A secret, not a Keycloak client: the gateway
     * verifies only its own tokens and has no Keycloak tenant, and this is one fixed service-to-service hop.
     */
    @WithDefault(DEV_SECRET)
    String gatewaySecret();

    /** How long one send may take; after that the outcome is unknown and the message is not sent again. */
    @WithDefault("5s")
    Duration timeout();
}
