package io.onestop.assistance.miniprogram.backend;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import jakarta.ws.rs.core.Link;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * backend answers a list page as a JSON array with the next page in a {@code Link: <...>; rel="next"} header; the
 * mini program gets both in the body ({@code wx.request} hands over headers, but one object is simpler to use).
 */
@Schema(name = "Page", example = """
        {"items":[],"next":"MjAyNi0xMi0wNVQwNDoxMDowMFp8NWIwZTlkNmUtMmYwYy00YTU1LThmOGUtMGMxZDJlM2Y0YTVi"}""")
public record Pages(@Schema(description = "The items of this page, newest first") JsonNode items,
        @Schema(description = "Pass as `cursor` for the next page; null on the last page", nullable = true) String next) {

    public static Pages of(RestResponse<JsonNode> page) {
        Link link = page.getLink("next");
        return new Pages(page.getEntity(), link == null ? null : cursorOf(link.getUri()));
    }

    /** The {@code cursor} query parameter of backend's next link (opaque to us as to the mini program). */
    static String cursorOf(URI next) {
        String query = next.getRawQuery();
        if (query == null) {
            return null;
        }
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("cursor=")) {
                return URLDecoder.decode(parameter.substring("cursor=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
