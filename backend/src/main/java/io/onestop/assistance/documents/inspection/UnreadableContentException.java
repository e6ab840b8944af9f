package io.onestop.assistance.documents.inspection;

/** The bytes claim a format (by their magic number) but do not follow it: truncated or crafted. */
public class UnreadableContentException extends Exception {

    public UnreadableContentException(String message) {
        super(message, null, false, false);
    }
}
