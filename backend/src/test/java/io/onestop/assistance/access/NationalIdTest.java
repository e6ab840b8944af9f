package io.onestop.assistance.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NationalIdTest {

    @ParameterizedTest(name = "{0} valid={1}")
    @CsvSource({
        "11010519491231002X, true",   // GB 11643 example with X check character
        "11010519491231002x, true",   // lower-case x is the same number
        "110101199003074514, true",
        "110101199003074515, false",  // wrong check digit
        "110101199002304518, false",  // 30 February
        "11010119900307451,  false",  // 17 characters
        "1101011990030745X4, false",  // X not last
        "'',                 false"})
    void validatesChecksumAndBirthDate(String id, boolean valid) {
        assertEquals(valid, NationalId.isValid(id));
    }

    @ParameterizedTest
    @CsvSource({"140105198603011234, 1401**********1234", "13812345678, 138****5678"})
    void masksAllButTheEnds(String value, String masked) {
        assertEquals(masked, value.length() == 18 ? NationalId.mask(value) : NationalId.maskPhone(value));
    }
}
