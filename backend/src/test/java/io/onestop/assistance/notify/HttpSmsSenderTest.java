package io.onestop.assistance.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.onestop.assistance.notify.sms.HttpSmsSender;
import io.onestop.assistance.notify.sms.SmsSender;
import io.onestop.assistance.testing.LocalStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SMS sender against the platform simulator over real HTTP. */
@QuarkusTest
@QuarkusTestResource(LocalStackResource.class)
class HttpSmsSenderTest {

    @Inject
    HttpSmsSender sms;

    @Test
    void theProviderReceivesTheTextForTheNumber() {
        sms.send("13800138001", "您的验证码是 123456，5 分钟内有效。\"引号\"").await().atMost(Duration.ofSeconds(10));

        List<String> texts = LocalStackResource.platform().smsTo("13800138001");
        assertEquals("您的验证码是 123456，5 分钟内有效。\"引号\"", texts.get(texts.size() - 1));
    }

    @Test
    void aRefusalIsAFailureThatNamesNeitherNumberNorText() {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> sms.send("13900000000", "秘密内容").await().atMost(Duration.ofSeconds(10)));

        assertInstanceOf(SmsSender.SmsNotSent.class, failure);
        assertEquals("SMS provider refused: HTTP 200, errcode 1001", failure.getMessage());
    }
}
