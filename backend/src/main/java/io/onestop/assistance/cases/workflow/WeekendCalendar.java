package io.onestop.assistance.cases.workflow;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.LocalDate;

/** Working days are Monday to Friday. Public holidays are not known yet; a holiday table replaces this bean. */
@ApplicationScoped
@DefaultBean
public class WeekendCalendar implements WorkingDayCalendar {

    @Override
    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY;
    }
}
