package io.onestop.assistance.hotline;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the hotline (12345 / 12349). */
@ConfigMapping(prefix = "assistance.hotline")
public interface HotlineConfig {

    /**
     * How many verification questions the caller must answer correctly before anything about them is looked up.
     * Two by default: one fact from the id card is not enough, since family members and neighbours often know it.
     */
    @WithDefault("2")
    int minCorrectAnswers();

    /**
     * Leading digits of the staff member's region code that make up the hotline's reach. 12345 and 12349 are city
     * lines (GB/T 2260: the first 4 digits name the city), so a call handler serves callers of every county of the city.
     */
    @WithDefault("4")
    int scopePrefixLength();

    /**
     * Searches (by national id or phone) one staff member may make in an hour, counted in the database across all
     * instances: a call needs one to three, so 60 an hour is a busy shift's worth, far short of walking through
     * residents with a stolen or curious login. Refusals are 429 and audited.
     */
    @WithDefault("60")
    int searchesPerHour();
}
