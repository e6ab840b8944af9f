package io.onestop.assistance.programs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Money arithmetic and formatting of the rules and their results. Money is BigDecimal yuan, never a double. */
public final class Yuan {

    private Yuan() {
    }

    /** An amount per member with two decimals (programs-spec.md: "pci = I / N (two decimals)"), HALF_UP. */
    public static BigDecimal perCapita(BigDecimal total, int members) {
        return total.divide(BigDecimal.valueOf(members), 2, RoundingMode.HALF_UP);
    }

    /** "All estimates are rounded up to whole yuan." */
    public static BigDecimal roundUp(BigDecimal amount) {
        return amount.setScale(0, RoundingMode.CEILING);
    }

    /** The same number without trailing zeros or an exponent, so JSON shows 300 and 1003.5, not 300.00 or 1E+3. */
    public static BigDecimal plain(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    // DecimalFormat is not thread-safe, and building one per call (parsing its pattern) was the top frame of the
    // rule evaluation's JMH profile (infra/bench/jmh): one per thread instead.
    private static final ThreadLocal<DecimalFormat> GROUPED = ThreadLocal.withInitial(() -> {
        DecimalFormat format = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    });

    /** "1,337", "1,003.5": grouped, up to two decimals, the same in both languages. */
    public static String format(BigDecimal amount) {
        return GROUPED.get().format(amount);
    }

    public static String format(long amount) {
        return format(BigDecimal.valueOf(amount));
    }

    /**
     * The highest whole-yuan household income whose per-capita value (two decimals, HALF_UP) stays strictly below
     * {@code limit} for {@code members} members, or null when even 0 does not.
     */
    public static BigDecimal highestIncomeBelow(BigDecimal limit, int members) {
        BigDecimal income = limit.multiply(BigDecimal.valueOf(members)).setScale(0, RoundingMode.CEILING)
                .subtract(BigDecimal.ONE);
        while (income.signum() >= 0 && perCapita(income, members).compareTo(limit) >= 0) {
            income = income.subtract(BigDecimal.ONE);
        }
        return income.signum() < 0 ? null : income;
    }
}
