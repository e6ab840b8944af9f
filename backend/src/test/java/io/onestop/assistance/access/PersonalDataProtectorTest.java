package io.onestop.assistance.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PersonalDataProtectorTest {

    private final PersonalDataProtector protector = new PersonalDataProtector(new PersonalDataConfig() {
        @Override
        public String encryptionKey() {
            return DEMO_ENCRYPTION_KEY;
        }

        @Override
        public String hmacKey() {
            return DEMO_HMAC_KEY;
        }
    });

    @Test
    void encryptsWithAFreshNonceAndDecryptsBack() {
        String first = protector.encrypt("110101199003074514");
        String second = protector.encrypt("110101199003074514");
        assertNotEquals(first, second);
        assertFalse(first.contains("110101"));
        assertEquals("110101199003074514", protector.decrypt(first));
    }

    @Test
    void lookupHashIsStableAndKeyed() {
        assertEquals(protector.lookupHash("110101199003074514"), protector.lookupHash("110101199003074514"));
        assertNotEquals(protector.lookupHash("110101199003074514"), protector.lookupHash("11010519491231002X"));
        assertEquals(64, protector.lookupHash("x").length());
    }

    @Test
    void refusesTamperedCipherText() {
        String sealed = protector.encrypt("13812345678");
        char[] chars = sealed.toCharArray();
        chars[20] = chars[20] == 'A' ? 'B' : 'A';
        assertThrows(IllegalStateException.class, () -> protector.decrypt(new String(chars)));
    }
}
