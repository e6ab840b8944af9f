package io.onestop.assistance.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The web portal routes in the browser (history mode): a reload of {@code /calculator} must serve the app, not 404.
 * Everything that is not the API, Quarkus' own endpoints or a file is answered with {@code index.html}.
 */
@ApplicationScoped
public class SpaFallback {

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String path = context.normalizedPath();
            boolean appRoute = context.request().method() == HttpMethod.GET
                    && !path.equals("/")
                    && !path.startsWith("/api/")
                    && !path.startsWith("/q/")
                    && !path.substring(path.lastIndexOf('/') + 1).contains(".");
            if (appRoute) {
                context.reroute("/");
            } else {
                context.next();
            }
        }, 100);
    }
}
