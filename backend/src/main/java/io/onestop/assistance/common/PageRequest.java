package io.onestop.assistance.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/**
 * One page of a list, newest first, by keyset on (creation time, id): a cursor names the last item seen, so a page
 * stays correct while new items arrive (offsets would repeat or skip items) and each page is one index range scan.
 * The cursor is opaque to clients: base64url of the last item's time and id.
 */
public record PageRequest(int limit, OffsetDateTime beforeTime, UUID beforeId) {

    public static final int DEFAULT_LIMIT = 20;
    /** Bounds the work and the answer of one request; a mini-program list screen shows far fewer. */
    public static final int MAX_LIMIT = 100;

    /** The page size of a {@code limit} query parameter: {@link #DEFAULT_LIMIT} when absent, 422 outside 1 to {@link #MAX_LIMIT}. */
    public static int limit(Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return size;
    }

    /** From the query parameters; 422 naming {@code limit} or {@code cursor} when they are not usable. */
    public static PageRequest of(Integer limit, String cursor) {
        int size = limit(limit);
        if (cursor == null || cursor.isBlank()) {
            return new PageRequest(size, null, null);
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            return new PageRequest(size, Instant.parse(parts[0]).atOffset(ZoneOffset.UTC), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "is not a cursor of this list; start again without it");
        }
    }

    public boolean first() {
        return beforeTime == null;
    }

    /** The cursor that continues after this item. */
    public static String cursorAfter(OffsetDateTime time, UUID id) {
        String last = time.toInstant() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8));
    }
}
