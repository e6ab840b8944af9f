package io.onestop.assistance.common;

/** Reads the version a client sends in If-Match (the ETag it got: {@code "3"}, {@code W/"3"} or {@code 3}). */
public final class IfMatch {

    private IfMatch() {
    }

    /** 428 when missing, 400 when not a version; {@code what} names the object in the message ("the draft"). */
    public static int version(String ifMatch, String what) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "Send " + what + "'s version (its ETag) in If-Match.", null);
        }
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match must carry " + what + "'s version, e.g. \"3\".");
        }
    }

    /** For writes where If-Match is optional: null when not sent, otherwise as {@link #version(String, String)}. */
    public static Integer optionalVersion(String ifMatch, String what) {
        return ifMatch == null || ifMatch.isBlank() ? null : version(ifMatch, what);
    }
}
