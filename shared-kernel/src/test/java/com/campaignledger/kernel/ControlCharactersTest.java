package com.campaignledger.kernel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    @Test
    void tabCarriageReturnAndLineFeedAreText() {
        assertThat(ControlCharacters.refused("Dear\tcaller,\r\nhello")).isFalse();
        assertThat(ControlCharacters.refused("Crème brûlée 日本 😀")).isFalse();
        assertThat(ControlCharacters.refused("")).isFalse();
        assertThat(ControlCharacters.refused(null)).isFalse();
    }

    @Test
    void everyOtherControlCharacterIsRefused() {
        for (char c = 0; c < 0x20; c++) {
            if (c != '\t' && c != '\n' && c != '\r') {
                assertThat(ControlCharacters.refused("a" + c + "b"))
                        .as("U+%04X", (int) c)
                        .isTrue();
            }
        }
        assertThat(ControlCharacters.refused("a\u007fb")).isTrue();
        assertThat(ControlCharacters.refused("a\u0085b")).as("C1 next line").isTrue();
        assertThat(ControlCharacters.refused("a\u009fb")).isTrue();
        assertThat(ControlCharacters.refused("a\u00a0b"))
                .as("no-break space is text")
                .isFalse();
    }

    @Test
    void halfASurrogatePairIsRefused() {
        assertThat(ControlCharacters.refused("a\ud83d")).isTrue();
        assertThat(ControlCharacters.refused("\ude00a")).isTrue();
        assertThat(ControlCharacters.refused("\ud83d\ude00")).isFalse();
    }

    @Test
    void theProblemNamesTheCharacterAndWhereItIs() {
        assertThat(ControlCharacters.problem("abc\u0000")).endsWith("(U+0000 at position 3)");
    }
}
