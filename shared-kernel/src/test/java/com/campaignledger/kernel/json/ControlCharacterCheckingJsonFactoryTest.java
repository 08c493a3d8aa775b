package com.campaignledger.kernel.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class ControlCharacterCheckingJsonFactoryTest {

    private static void readAll(String json) throws IOException {
        try (JsonParser parser = new ControlCharacterCheckingJsonFactory().createParser(json)) {
            while (parser.nextToken() != null) {
                // every token is looked at as the parser moves onto it
            }
        }
    }

    @Test
    void aControlCharacterIsRefusedWithThePathOfItsField() {
        ControlCharacterException e = catchThrowableOfType(
                () -> readAll("{\"retryConfig\": {\"retryResults\": [\"BUSY\", \"NO\\u0000ANS\"]}}"),
                ControlCharacterException.class);
        assertThat(e.field()).isEqualTo("retryConfig.retryResults[1]");
        assertThat(e.reason()).contains("U+0000");
        ControlCharacterException inArray = catchThrowableOfType(
                () -> readAll("[{\"number\": \"1\"}, {\"number\": \"2\\u001b\"}]"), ControlCharacterException.class);
        assertThat(inArray.field()).isEqualTo("[1].number");
        ControlCharacterException name =
                catchThrowableOfType(() -> readAll("{\"na\\u0007me\": 1}"), ControlCharacterException.class);
        assertThat(name.field()).isEqualTo("na\u0007me");
    }

    @Test
    void tabsAndLineBreaksAreText() throws IOException {
        readAll("{\"script\": \"Hello,\\r\\n\\tcaller\", \"name\": \"Crème\"}");
    }
}
