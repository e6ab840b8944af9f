package io.onestop.assistance.cases.workflow;

import io.onestop.assistance.programs.LocalizedText;
import io.onestop.assistance.programs.WorkflowStep;
import java.util.Set;

/**
 * Every step a program case can be in, across all programs. The review steps up to the decision mirror
 * {@link WorkflowStep} (the program catalog lists which of them a program uses); the others are shared by all.
 */
public enum CaseStep {
    SUBMITTED("已提交", "Submitted"),
    ACCEPTED("已受理", "Accepted"),
    RETURNED("待补正材料", "Waiting for documents"),
    VERIFYING("经济状况核对", "Economic-status verification"),
    HOME_VISIT("入户调查", "Home visit"),
    COMMUNITY_REVIEW("民主评议", "Community review"),
    PUBLIC_NOTICE("公示", "Public notice"),
    APPROVED("已批准", "Approved"),
    REJECTED("不予批准", "Rejected"),
    PAYING("发放中", "Paying"),
    CLOSED("已办结", "Closed"),
    WITHDRAWN("已撤回", "Withdrawn");

    /** Steps after which nothing more happens to the case. */
    public static final Set<CaseStep> TERMINAL = Set.of(REJECTED, CLOSED, WITHDRAWN);
    /** Steps after the agency has decided. */
    public static final Set<CaseStep> DECIDED = Set.of(APPROVED, REJECTED, PAYING, CLOSED);

    private final LocalizedText name;

    CaseStep(String zh, String en) {
        this.name = LocalizedText.of(zh, en);
    }

    public LocalizedText localizedName() {
        return name;
    }

    public boolean isOpen() {
        return !TERMINAL.contains(this) && !DECIDED.contains(this);
    }

    public static CaseStep of(WorkflowStep step) {
        return valueOf(step.name());
    }
}
