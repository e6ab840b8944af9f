package io.onestop.assistance.miniprogram.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A list backend answers whole (a plain array: a handful of items at most) in the shape of every list of ours,
 * {@code {items, next: null}}, so the mini program reads every list the same way and a later paged backend list
 * changes nothing for it.
 */
final class OnePage {

    private OnePage() {
    }

    static ObjectNode of(JsonNode items) {
        ObjectNode page = JsonNodeFactory.instance.objectNode();
        page.set("items", items == null || items.isNull() ? JsonNodeFactory.instance.arrayNode() : items);
        page.putNull("next");
        return page;
    }
}
