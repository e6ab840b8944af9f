package io.onestop.assistance.programs;

/** A member's employment status as declared. */
public enum Employment {
    EMPLOYED,
    UNEMPLOYED,
    RETIRED,
    NOT_IN_LABOUR_FORCE
}
