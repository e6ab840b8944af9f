package io.onestop.assistance.notify.api;

import io.onestop.assistance.common.ProblemException;

/** The numeric cursors of the notify lists: 422 for anything this API did not give out. */
final class Cursors {

    private Cursors() {
    }

    static Long number(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(cursor);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "is not a cursor this API gave out");
        }
    }
}
