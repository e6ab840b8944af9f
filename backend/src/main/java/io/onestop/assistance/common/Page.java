package io.onestop.assistance.common;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.function.Function;

/** One page of items and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String next) {

    /**
     * The page of {@code limit} items out of {@code fetched}, which holds one item more when there is a next page
     * (so no count query is needed); {@code key} gives an item's creation time and id.
     */
    public static <E> Page<E> of(List<E> fetched, int limit, Function<E, java.time.OffsetDateTime> time,
            Function<E, java.util.UUID> id) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        List<E> items = fetched.subList(0, limit);
        E last = items.get(limit - 1);
        return new Page<>(List.copyOf(items), PageRequest.cursorAfter(time.apply(last), id.apply(last)));
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), next);
    }

    /**
     * The answer: the items as a plain JSON array (the shape clients had before pages), and the next page in an
     * RFC 8288 {@code Link: <...>; rel="next"} header.
     */
    public Response answer(UriInfo uri, int limit) {
        Response.ResponseBuilder answer = Response.ok(items);
        if (next != null) {
            answer.links(Link.fromUriBuilder(uri.getRequestUriBuilder()
                    .replaceQueryParam("limit", limit).replaceQueryParam("cursor", next)).rel("next").build());
        }
        return answer.build();
    }
}
