package io.onestop.assistance.notify;

/** Where a resident hears of their application. The in-app inbox always gets the message; the others push it. */
public enum Channel {
    INBOX,
    SMS,
    MINIPROGRAM;

    /** Push channels tried when the resident has stated no preference: the free one first. */
    public static final java.util.List<Channel> DEFAULT_PUSH = java.util.List.of(MINIPROGRAM, SMS);
}
