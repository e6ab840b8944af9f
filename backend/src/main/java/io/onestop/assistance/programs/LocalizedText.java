package io.onestop.assistance.programs;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A text for residents in Simplified Chinese (shown first) and English (the second locale). */
@Schema(name = "LocalizedText", example = "{\"zh\": \"最低生活保障\", \"en\": \"Minimum living allowance\"}")
public record LocalizedText(String zh, String en) {

    public static LocalizedText of(String zh, String en) {
        return new LocalizedText(zh, en);
    }
}
