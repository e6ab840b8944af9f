package io.onestop.assistance.cases.workflow;

/** Why a case is rejected; the approver adds their own explanation in both languages. */
public enum RejectionReason {
    INCOME_ABOVE_STANDARD,
    ASSETS_ABOVE_LIMIT,
    NOT_IN_SCOPE,
    ABLE_SUPPORTER,
    DOCUMENTS_NOT_PROVIDED,
    FALSE_DECLARATION,
    OBJECTION_UPHELD,
    OTHER
}
