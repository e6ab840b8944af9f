package io.onestop.assistance.cases.verification;

/** What an agency record says about a person, and where the household declares the same thing. */
public enum RecordField {
    /** Monthly income (tax, payroll, pensions): the member's declared monthly income. */
    MONTHLY_INCOME(false),
    /** Active social insurance contributions as an employee (1 or 0): the member's declared employment. */
    SOCIAL_INSURANCE(false),
    /** Registered businesses (count): the household model declares none. */
    BUSINESS_REGISTRATION(false),
    /** Bank deposits and securities (yuan): the household's declared financial assets. */
    DEPOSITS(true),
    /** Registered vehicles (count): the household's declared non-essential vehicles. */
    VEHICLES(true),
    /** Registered homes (count): the household's declared owned homes. */
    REAL_ESTATE(true);

    private final boolean household;

    RecordField(boolean household) {
        this.household = household;
    }

    /** Compared with a declaration about the whole household rather than one member. */
    public boolean household() {
        return household;
    }
}
