package io.onestop.assistance.monitoring;

import io.onestop.assistance.programs.LocalizedText;

/** How urgently a household should be looked at: RED first (a visit within days), YELLOW last. */
public enum WarningLevel {
    RED(3, "红色预警", "Red"),
    ORANGE(2, "橙色预警", "Orange"),
    YELLOW(1, "黄色预警", "Yellow");

    private final int rank;
    private final LocalizedText name;

    WarningLevel(int rank, String zh, String en) {
        this.rank = rank;
        this.name = LocalizedText.of(zh, en);
    }

    /** Higher is more urgent; the queue is ordered by it. */
    public int rank() {
        return rank;
    }

    public LocalizedText localizedName() {
        return name;
    }

    /** One level less urgent, or null below YELLOW. */
    public WarningLevel lower() {
        return switch (this) {
            case RED -> ORANGE;
            case ORANGE -> YELLOW;
            case YELLOW -> null;
        };
    }
}
