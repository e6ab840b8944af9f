package io.onestop.assistance.documents.scan;

import io.onestop.assistance.documents.DocumentsConfig;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** clamd when {@code assistance.documents.clamd.host} is set; otherwise no scanner. */
@ApplicationScoped
public class VirusScannerProducer {

    @Produces
    @DefaultBean
    @ApplicationScoped
    VirusScanner scanner(DocumentsConfig config) {
        DocumentsConfig.Clamd clamd = config.clamd();
        return clamd.host()
                .<VirusScanner>map(host -> new ClamdVirusScanner(host, clamd.port(), clamd.timeout(), clamd.chunkSize()))
                .orElse(VirusScanner.NONE);
    }
}
