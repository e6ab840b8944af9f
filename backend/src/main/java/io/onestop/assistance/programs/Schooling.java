package io.onestop.assistance.programs;

/** What school a member attends now; {@code NONE} for anyone not in education. */
public enum Schooling {
    NONE,
    PRESCHOOL,
    PRIMARY,
    JUNIOR,
    SENIOR,
    VOCATIONAL,
    COLLEGE
}
