package com.campaignledger.notifications.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.campaignledger.notifications.subscription.SigningSecrets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void reproducesTheStandardWebhooksReferenceSignature() {
        // The specification's published test vector: a receiver's official library accepts exactly this.
        String signature = WebhookSigner.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330L,
                "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }

    @Test
    void anyChangeOfIdTimestampOrBodyChangesTheSignature() {
        String secret = SigningSecrets.generate();
        String base = WebhookSigner.sign(secret, "msg_1", 1700000000L, "<a/>");
        assertThat(WebhookSigner.sign(secret, "msg_2", 1700000000L, "<a/>")).isNotEqualTo(base);
        assertThat(WebhookSigner.sign(secret, "msg_1", 1700000001L, "<a/>")).isNotEqualTo(base);
        assertThat(WebhookSigner.sign(secret, "msg_1", 1700000000L, "<b/>")).isNotEqualTo(base);
        assertThat(WebhookSigner.sign(SigningSecrets.generate(), "msg_1", 1700000000L, "<a/>"))
                .isNotEqualTo(base);
    }

    @Test
    void secretsAreWhsecAndThirtyTwoRandomBytes() {
        String secret = SigningSecrets.generate();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(SigningSecrets.generate()).isNotEqualTo(secret);
    }
}
