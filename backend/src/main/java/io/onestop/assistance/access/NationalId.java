package io.onestop.assistance.access;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** Resident identity card number of GB 11643-1999: 17 digits and an ISO 7064 MOD 11-2 check character. */
public final class NationalId {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private NationalId() {
    }

    /** Upper-cases the check character and drops surrounding blanks, so one person has one spelling. */
    public static String normalize(String value) {
        return value == null ? null : value.strip().toUpperCase();
    }

    public static boolean isValid(String value) {
        String id = normalize(value);
        if (id == null || !id.matches("\\d{17}[0-9X]")) {
            return false;
        }
        try {
            LocalDate.parse(id.substring(6, 14), BIRTH_DATE);
        } catch (DateTimeParseException e) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11) == id.charAt(17);
    }

    /** The birth date the number encodes (characters 7 to 14); call with a valid number. */
    public static LocalDate birthDate(String value) {
        return LocalDate.parse(normalize(value).substring(6, 14), BIRTH_DATE);
    }

    /** {@code 1401**********1234}: enough for a person to recognise their own number, not enough to use it. */
    public static String mask(String value) {
        String id = normalize(value);
        if (id == null || id.length() < 8) {
            return "****";
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    /** {@code 138****5678}. */
    public static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return "****";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
