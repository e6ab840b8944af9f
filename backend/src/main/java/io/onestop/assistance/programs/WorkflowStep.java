package io.onestop.assistance.programs;

/** Steps of a program case up to the decision; the {@code cases} context runs them, programs only list them. */
public enum WorkflowStep {
    SUBMITTED("已提交", "Submitted"),
    ACCEPTED("已受理", "Accepted"),
    VERIFYING("经济状况核对", "Economic-status verification"),
    HOME_VISIT("入户调查", "Home visit"),
    COMMUNITY_REVIEW("民主评议", "Community review"),
    PUBLIC_NOTICE("公示（7 天）", "Public notice (7 days)"),
    APPROVED("审批", "Approval");

    private final LocalizedText name;

    WorkflowStep(String zh, String en) {
        this.name = LocalizedText.of(zh, en);
    }

    public LocalizedText localizedName() {
        return name;
    }
}
