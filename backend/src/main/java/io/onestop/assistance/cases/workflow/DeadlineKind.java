package io.onestop.assistance.cases.workflow;

/** The time limit that runs in a step. */
public enum DeadlineKind {
    /** Submission to acceptance or a request for documents (working days). */
    ACCEPTANCE,
    /** Acceptance to the decision: the program's legal limit (working days; MLA 30). */
    DECISION,
    /** Fast track: submission to the decision in hours. */
    FAST_DECISION,
    /** Approval to the first payment (working days). */
    PAYMENT,
    /** Fast track: decision to the completed paperwork (working days). */
    PAPERWORK,
    /** The end of the public notice (calendar days); shown, not a clock of its own. */
    PUBLIC_NOTICE_ENDS,
    /** Waiting for the resident's documents: the clock stands still. */
    PAUSED
}
