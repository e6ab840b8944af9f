package io.onestop.assistance.cases;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** Time limits of program cases. Legal limits differ by region; each is configurable per deployment. */
@ConfigMapping(prefix = "assistance.cases")
public interface CasesConfig {

    /** Working days from submission to acceptance (受理) or a request for documents. */
    @WithDefault("5")
    int acceptanceWorkingDays();

    /**
     * Working days from acceptance to the decision, per program code, e.g. {@code decision-working-days.MINIMUM_LIVING_ALLOWANCE=30}.
     * Default: empty, so each program's legal limit from the catalog ({@code Program.legalDeadlineWorkingDays()}) applies.
     */
    Map<String, Integer> decisionWorkingDays();

    /** Calendar days a public notice (公示) stays up before an approval; 7 by national rule. */
    @WithDefault("7")
    int publicNoticeDays();

    /** Working days from approval to the first payment. */
    @WithDefault("10")
    int paymentWorkingDays();

    /** Hours from submission to the decision on the fast track (urgent temporary assistance). */
    @WithDefault("24")
    int fastTrackDecisionHours();

    /** Working days after a fast-track decision to complete the paperwork (verification, file) before closing. */
    @WithDefault("5")
    int fastTrackPaperworkWorkingDays();

    /** Declared income or assets may be lower than agency records by this share before it counts as a discrepancy. */
    @WithDefault("10")
    int verificationTolerancePercent();

    /** Largest page of a work queue. */
    @WithDefault("100")
    int maxQueuePage();
}
