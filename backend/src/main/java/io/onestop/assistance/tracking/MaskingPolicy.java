package io.onestop.assistance.tracking;

/**
 * Who is looking at an intake's status, and so what they may see. The resident (owner) sees everything about their
 * own application; a family delegate and hotline staff (after the recorded caller verification, see
 * {@code hotline.HotlineService}; hotline answers carry no id numbers at all) see the same view with staff notes
 * hidden and the applicant's name masked; a family member without an account who passed the one-time code
 * ({@link #STATUS_QUERY}) gets the strictest view: also no amounts, no decision reasons and no member ids.
 */
public enum MaskingPolicy {
    OWNER(true, false, true),
    DELEGATE(false, true, true),
    HOTLINE(false, true, true),
    STATUS_QUERY(false, true, false);

    private final boolean notes;
    private final boolean maskName;
    private final boolean details;

    MaskingPolicy(boolean notes, boolean maskName, boolean details) {
        this.notes = notes;
        this.maskName = maskName;
        this.details = details;
    }

    /** Free-text notes of the timeline may name people or circumstances: owners only. */
    public boolean showsNotes() {
        return notes;
    }

    public boolean masksName() {
        return maskName;
    }

    /**
     * Estimated and decided amounts, decision reasons and the member ids of to-dos: they tell about the household's
     * money and members, which a code sent to the applicant's phone alone does not justify showing.
     */
    public boolean showsDetails() {
        return details;
    }
}
