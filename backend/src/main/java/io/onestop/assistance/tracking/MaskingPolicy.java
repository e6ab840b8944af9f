package io.onestop.assistance.tracking;

/**
 * Who is looking at an intake's status, and so what they may see. The resident (owner) sees everything about their
 * own application; a delegated family member and hotline staff (after the recorded caller verification, see
 * {@code hotline.HotlineService}; hotline answers carry no id numbers at all) see the same
 * view with staff notes hidden and the applicant's name masked.
 */
public enum MaskingPolicy {
    OWNER(true, false),
    DELEGATE(false, true),
    HOTLINE(false, true);

    private final boolean notes;
    private final boolean maskName;

    MaskingPolicy(boolean notes, boolean maskName) {
        this.notes = notes;
        this.maskName = maskName;
    }

    /** Free-text notes of the timeline may name people or circumstances: owners only. */
    public boolean showsNotes() {
        return notes;
    }

    public boolean masksName() {
        return maskName;
    }
}
