package io.onestop.assistance.miniprogram.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateValuesTest {

    @ParameterizedTest(name = "{0} \"{1}\" → \"{2}\"")
    @CsvSource(delimiter = '|', value = {
            "thing1           | 您的最低生活保障申请已由街道受理，请留意后续通知 | 您的最低生活保障申请已由街道受理，请留…",
            "thing2           | 短事项 | 短事项",
            "phrase3          | 审核已经通过了 | 审核已经通",
            "character_string4| JZ-140105-2026-000123 | JZ-140105-2026-000123",
            "name5            | 欧阳娜娜娜娜娜娜娜娜娜 | 欧阳娜娜娜娜娜娜娜娜",
            "time6            | 2026年11月23日 18:00 | 2026年11月23日 18:00",
            "thing7           | 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀 | 😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀…"})
    void fitsEachValueToItsKeywordLimit(String key, String value, String expected) {
        assertEquals(expected, TemplateValues.fit(key, value));
    }

    @ParameterizedTest
    @CsvSource({"thing1, 20", "phrase2, 5"})
    void dataWrapsEachValue(String key, int limit) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(key, "字".repeat(40));
        String value = TemplateValues.data(values).get(key).get("value");
        assertEquals(limit, value.codePointCount(0, value.length()));
    }
}
