package io.onestop.assistance.miniprogram.platform;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/** Builds the platform REST client from {@link PlatformConfig}, so its URL lives in one documented place. */
public class PlatformClientProducer {

    @Produces
    @ApplicationScoped
    PlatformClient platformClient(PlatformConfig config) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.baseUrl()))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(PlatformClient.class);
    }
}
