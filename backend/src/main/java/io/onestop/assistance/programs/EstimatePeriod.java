package io.onestop.assistance.programs;

/**
 * What an estimate amount covers (programs-spec.md "Estimates carry a period"). {@code NONE} for programs whose
 * estimate is always 0: a status that unlocks other help (3, 4) or help in kind and services (8, 9).
 */
public enum EstimatePeriod {
    MONTH,
    YEAR,
    ONCE,
    NONE
}
