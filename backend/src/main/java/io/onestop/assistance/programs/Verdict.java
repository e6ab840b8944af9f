package io.onestop.assistance.programs;

/** The outcome of one program's rule. {@code POSSIBLY_ELIGIBLE} when staff must verify before anything is decided. */
public enum Verdict {
    ELIGIBLE,
    POSSIBLY_ELIGIBLE,
    NOT_ELIGIBLE
}
