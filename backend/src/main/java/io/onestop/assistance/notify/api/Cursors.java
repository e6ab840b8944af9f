package io.onestop.assistance.notify.api;

import io.onestop.assistance.common.ProblemException;

/** The page size and numeric cursors of the notify lists: 422 for anything this API did not give out. */
final class Cursors {

    private Cursors() {
    }

    static int limit(Integer limit) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > 100) {
            throw ProblemException.invalid("limit", "must be between 1 and 100");
        }
        return size;
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
