package io.onestop.assistance.documents.scan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.io.IOException;
import java.nio.file.Path;

/** A scanner whose verdict the test sets; null stands for a scanner that is down. Enabled by {@link WithScanner}. */
@Alternative
@ApplicationScoped
public class FakeVirusScanner implements VirusScanner {

    private volatile Verdict verdict;

    public void answer(Verdict next) {
        this.verdict = next;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Verdict scan(Path file) throws IOException {
        Verdict now = verdict;
        if (now == null) {
            throw new IOException("scanner unavailable");
        }
        return now;
    }
}
