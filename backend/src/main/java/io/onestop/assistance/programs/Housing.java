package io.onestop.assistance.programs;

/** The household's housing situation, for housing assistance. */
public enum Housing {
    ADEQUATE,
    NO_HOME_RENTING,
    DILAPIDATED
}
