package io.onestop.assistance.monitoring;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Settings of monitoring (动态监测): who handles warnings, how long an opt-out lasts, and the parameters of the
 * warning rules. Rule parameters have one default set and may differ per county ({@code regions."330106".*}); amounts
 * are relative to the county's own program parameters (programs/parameters), so a richer county needs no new numbers.
 */
@ConfigMapping(prefix = "assistance.monitoring")
public interface MonitoringConfig {

    /** The agency whose caseworkers see warnings and invite households: civil affairs runs social assistance. */
    @WithDefault("CIVIL_AFFAIRS")
    String agency();

    /** Days an opt-out is respected: no new warning or invitation for that person meanwhile. */
    @WithDefault("180")
    int optOutDays();

    /** Signals per API batch or imported file at most; one transaction holds a whole batch. */
    @WithDefault("1000")
    int maxBatchSize();

    /** Rule parameters of counties without their own entry. */
    RuleParameters rules();

    /** Rule parameters per county code (6 digits); each key not set there takes the default of {@link RuleParameters}. */
    Map<String, RuleParameters> regions();

    /** The parameters of the warning rules ({@link WarningRules}). */
    interface RuleParameters {

        /**
         * Out-of-pocket medical bill, as a share of the county's yearly disposable income per person (12 x
         * {@code disposableIncomePerCapitaMonthly}), from which a household is warned ORANGE. Catastrophic health
         * spending is commonly measured against income this way.
         */
        @WithDefault("0.5")
        BigDecimal medicalBillOrangeShare();

        /** The same share from which the warning is RED. */
        @WithDefault("1.0")
        BigDecimal medicalBillRedShare();

        /** Disability grades up to this one (1 is the most severe) raise ORANGE, the others YELLOW. */
        @WithDefault("2")
        int severeDisabilityGrade();

        /** Loss in a disaster, in months of the county's urban MLA standard, from which the warning is RED. */
        @WithDefault("6")
        BigDecimal disasterRedLossMonths();

        /** Months of transition payments after a program ends (a child turning 18 leaves the child subsidy). */
        @WithDefault("6")
        int programEndTransitionMonths();
    }

    /** The parameters for a region code (its first 6 digits name the county). */
    default RuleParameters rulesFor(String regionCode) {
        String county = regionCode == null || regionCode.length() < 6 ? "" : regionCode.substring(0, 6);
        return regions().getOrDefault(county, rules());
    }
}
