package dev.peregrine.ops.http;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin token is accepted exactly: nothing around it is trimmed away. */
class BearerTokenTest
{
    private static final String TOKEN = "5d1f8b3e7a9c2046e8b1d5f3a7c9e2b4";
    private static final byte[] BYTES = TOKEN.getBytes(StandardCharsets.UTF_8);

    @Test
    void theExactTokenAfterTheSchemeIsAccepted()
    {
        assertThat(BearerToken.matches(BYTES, "Bearer " + TOKEN)).isTrue();
    }

    @Test
    void aTokenWithATrailingSpaceNewlineOrOtherWhitespaceIsRefused()
    {
        assertThat(BearerToken.matches(BYTES, "Bearer " + TOKEN + " ")).isFalse();
        assertThat(BearerToken.matches(BYTES, "Bearer " + TOKEN + "\n")).isFalse();
        assertThat(BearerToken.matches(BYTES, "Bearer " + TOKEN + "\r\n")).isFalse();
        assertThat(BearerToken.matches(BYTES, "Bearer " + TOKEN + "\t")).isFalse();
        assertThat(BearerToken.matches(BYTES, "Bearer " + TOKEN + "\u000b")).isFalse();
        assertThat(BearerToken.matches(BYTES, "Bearer " + TOKEN + "\u0000")).isFalse();
        assertThat(BearerToken.matches(BYTES, "Bearer  " + TOKEN)).isFalse();
        assertThat(BearerToken.matches(BYTES, "Bearer \t" + TOKEN)).isFalse();
    }

    @Test
    void anythingElseIsRefused()
    {
        assertThat(BearerToken.matches(BYTES, null)).isFalse();
        assertThat(BearerToken.matches(BYTES, "")).isFalse();
        assertThat(BearerToken.matches(BYTES, TOKEN)).isFalse();
        assertThat(BearerToken.matches(BYTES, "Basic " + TOKEN)).isFalse();
        assertThat(BearerToken.matches(BYTES, "Bearer " + TOKEN.substring(1))).isFalse();
        assertThat(BearerToken.matches(BYTES, "Bearer " + TOKEN + "0")).isFalse();
        assertThat(BearerToken.matches(BYTES, "Bearer " + TOKEN.toUpperCase(java.util.Locale.ROOT))).isFalse();
        assertThat(BearerToken.matches(BYTES, "Bearer ")).isFalse();
    }
}
