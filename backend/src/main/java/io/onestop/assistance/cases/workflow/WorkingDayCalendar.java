package io.onestop.assistance.cases.workflow;

import java.time.LocalDate;

/**
 * Which days count for legal time limits. The default counts Monday to Friday; a holiday table (with China's
 * make-up working weekends, 调休) is another implementation of this interface.
 */
public interface WorkingDayCalendar {

    boolean isWorkingDay(LocalDate date);

    /** The day on which {@code days} working days after {@code start} have passed; {@code start} itself never counts. */
    default LocalDate addWorkingDays(LocalDate start, int days) {
        LocalDate date = start;
        int counted = 0;
        while (counted < days) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** Working days in ({@code fromExclusive}, {@code toInclusive}]: how long a clock stood still. */
    default int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        int days = 0;
        for (LocalDate d = fromExclusive.plusDays(1); !d.isAfter(toInclusive); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }
}
