package io.onestop.assistance.programs;

/** Household registration (户籍): decides which MLA standard applies. */
public enum Hukou {
    URBAN,
    RURAL
}
