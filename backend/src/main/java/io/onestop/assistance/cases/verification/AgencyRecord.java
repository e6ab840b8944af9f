package io.onestop.assistance.cases.verification;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One fact another agency holds about a person, who is named only by the look-up hash of their national id. */
public record AgencyRecord(String personHash, RecordField field, BigDecimal value, String agency, LocalDate recordedOn) {
}
