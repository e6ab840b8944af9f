package io.onestop.assistance.miniprogram.notify;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fits subscribe-message values to the platform's limits per keyword type, so the platform never answers 47003
 * (argument invalid). Limits from the platform's subscribe-message documentation: {@code thing} 20 characters,
 * {@code phrase} and {@code short_thing} 5, {@code name} 10, {@code car_number} 8, {@code phone_number} 17,
 * {@code character_string}, {@code number} and {@code letter} 32, {@code symbol} 5. Counted in code points, as
 * the platform counts characters.
 */
public final class TemplateValues {

    private static final Map<String, Integer> LIMITS = Map.ofEntries(
            Map.entry("thing", 20), Map.entry("phrase", 5), Map.entry("short_thing", 5), Map.entry("name", 10),
            Map.entry("car_number", 8), Map.entry("phone_number", 17), Map.entry("character_string", 32),
            Map.entry("number", 32), Map.entry("letter", 32), Map.entry("symbol", 5));

    private TemplateValues() {
    }

    /**
     * The {@code data} object of a send request: each key ({@code thing1}, {@code phrase3}, ...) with its value
     * trimmed to its type's limit. A cut {@code thing} ends in "…" so the reader sees it goes on (in the app).
     */
    public static Map<String, Map<String, String>> data(Map<String, String> values) {
        Map<String, Map<String, String>> data = new LinkedHashMap<>();
        values.forEach((key, value) -> data.put(key, Map.of("value", fit(key, value == null ? "" : value))));
        return data;
    }

    static String fit(String key, String value) {
        Integer limit = LIMITS.get(key.replaceFirst("\\d+$", ""));
        String clean = value.strip();
        if (limit == null || clean.codePointCount(0, clean.length()) <= limit) {
            return clean;
        }
        boolean ellipsis = key.startsWith("thing");
        int keep = ellipsis ? limit - 1 : limit;
        String cut = clean.substring(0, clean.offsetByCodePoints(0, keep));
        return ellipsis ? cut + "…" : cut;
    }
}
