package io.onestop.assistance.programs;

/** What happened to the household, for temporary assistance. */
public enum SuddenEventType {
    ACCIDENT,
    FIRE,
    DISASTER,
    SERIOUS_ILLNESS,
    DEATH_OF_EARNER,
    JOB_LOSS
}
