package io.onestop.assistance.testing;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Request bodies of the worked examples of programs-spec.md, and valid national ids that no real person has. */
public final class TestData {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final int BIRTH_DAYS = 20_000;
    private static final long SPACE = BIRTH_DAYS * 1000L;
    /**
     * One counter per JVM, kept in the system properties because Quarkus reloads test classes for each profile and
     * a static field would start again, handing out ids that earlier tests already submitted. A String value (other
     * code copies every system property as text), changed under the properties' own lock. Seeded from the clock,
     * so runs against the same database use different ranges.
     */
    private static final String SEQUENCE = "assistance.test.national-id-sequence";

    private TestData() {
    }

    /** A fresh valid id (GB 11643 checksum) in region 140105, born 1940-1994 by the counter; no real person's. */
    public static String nationalId() {
        long n = next();
        return nationalId(LocalDate.of(1940, 1, 1).plusDays(n % BIRTH_DAYS), n / BIRTH_DAYS);
    }

    /** A fresh valid id of someone born on {@code birth} (for rules by age); the sequence digits from the counter. */
    public static String nationalIdBornOn(LocalDate birth) {
        return nationalId(birth, next() % 1000);
    }

    private static long next() {
        synchronized (System.getProperties()) {
            String last = System.getProperty(SEQUENCE, Long.toString(System.currentTimeMillis() / 100 % SPACE));
            long n = (Long.parseLong(last) + 1) % SPACE;
            System.setProperty(SEQUENCE, Long.toString(n));
            return n;
        }
    }

    private static String nationalId(LocalDate birth, long sequence) {
        String body = "140105" + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + "10X98765432".charAt(sum % 11);
    }

    /** Worked example A: urban family of three, MLA + education + employment. */
    public static final String HOUSEHOLD_A = """
            {"regionCode":"140105","hukou":"URBAN","asOf":"2026-11-22",
             "members":[
              {"id":"m1","relationship":"APPLICANT","birthDate":"1986-03-01","disabilityGrade":null,"seriousIllness":false,
               "schooling":"NONE","employment":"UNEMPLOYED","monthlyIncome":0,"parentsUnableToRaise":false},
              {"id":"m2","relationship":"SPOUSE","birthDate":"1988-05-10","disabilityGrade":null,"seriousIllness":false,
               "schooling":"NONE","employment":"EMPLOYED","monthlyIncome":900,"parentsUnableToRaise":false},
              {"id":"m3","relationship":"CHILD","birthDate":"2016-09-01","disabilityGrade":null,"seriousIllness":false,
               "schooling":"PRIMARY","employment":"NOT_IN_LABOUR_FORCE","monthlyIncome":0,"parentsUnableToRaise":false}],
             "assets":{"financialAssets":0,"nonEssentialVehicles":0,"ownedHomes":1},
             "rigidExpenditure12m":{"medical":0,"education":0},
             "hasAbleSupporter":false,"housing":"ADEQUATE","suddenEvent":null}""";

    /** A household that qualifies for nothing: one well-paid adult. */
    public static final String HOUSEHOLD_WELL_OFF = """
            {"regionCode":"140105","hukou":"URBAN","asOf":"2026-11-22",
             "members":[
              {"id":"m1","relationship":"APPLICANT","birthDate":"1986-03-01","disabilityGrade":null,"seriousIllness":false,
               "schooling":"NONE","employment":"EMPLOYED","monthlyIncome":9000,"parentsUnableToRaise":false}],
             "assets":{"financialAssets":0,"nonEssentialVehicles":0,"ownedHomes":1},
             "rigidExpenditure12m":{"medical":0,"education":0},
             "hasAbleSupporter":false,"housing":"ADEQUATE","suddenEvent":null}""";

    public static String draft(String household, String nationalId) {
        return draft(household, nationalId, "null");
    }

    /** A draft body; {@code chosenPrograms} is a JSON array or {@code null}. */
    public static String draft(String household, String nationalId, String chosenPrograms) {
        return """
                {"household":%s,
                 "applicant":{"name":"张伟","nationalId":"%s","phone":"13812345678","address":"小店区北营街道 1 号"},
                 "chosenPrograms":%s,"situation":"丈夫失业半年，孩子上小学。"}""".formatted(household, nationalId, chosenPrograms);
    }
}
