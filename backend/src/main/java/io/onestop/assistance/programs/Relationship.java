package io.onestop.assistance.programs;

/** A member's relationship to the applicant; exactly one member is the {@code APPLICANT}. */
public enum Relationship {
    APPLICANT,
    SPOUSE,
    CHILD,
    PARENT,
    GRANDPARENT,
    GRANDCHILD,
    SIBLING,
    OTHER
}
