package io.onestop.assistance.programs.parameters;

/** Care level of a special-hardship member; decides the care allowance on top of basic support. */
public enum CareLevel {
    SELF_CARE,
    PARTIAL,
    FULL
}
