package dev.peregrine.gateway.orders;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialTextTest
{
    @Test
    void readsAKeyFileAndNamesAMissingOne(@TempDir final Path dir) throws Exception
    {
        final Path file = dir.resolve("key.json");
        Files.writeString(file, "{\"apiKey\":\"é\"}", StandardCharsets.UTF_8);
        assertThat(CredentialText.readKeyFile(file)).isEqualTo("{\"apiKey\":\"é\"}");

        assertThatThrownBy(() -> CredentialText.readKeyFile(dir.resolve("absent.json")))
            .isInstanceOf(CredentialsException.class)
            .hasMessage("key file " + dir.resolve("absent.json") + " does not exist");
        assertThatThrownBy(() -> CredentialText.readKeyFile(dir))
            .isInstanceOf(CredentialsException.class)
            .hasMessageStartingWith("cannot read key file " + dir + ": ");
    }

    @Test
    void placeholdersMatchInAnyCase()
    {
        assertThat(CredentialText.isPlaceholder("YOUR_KEY_HERE", "your", "changeme")).isTrue();
        assertThat(CredentialText.isPlaceholder("abc<def", "<")).isTrue();
        assertThat(CredentialText.isPlaceholder("a1b2c3", "your", "changeme")).isFalse();
        assertThat(CredentialText.isPlaceholder("anything")).isFalse();
    }

    @Test
    void printableWithoutSpacesRejectsSpacesControlAndNonAscii()
    {
        assertThat(CredentialText.printableWithoutSpaces("Ab0-_~!")).isTrue();
        assertThat(CredentialText.printableWithoutSpaces("")).isTrue();
        assertThat(CredentialText.printableWithoutSpaces("ab cd")).isFalse();
        assertThat(CredentialText.printableWithoutSpaces("ab\tcd")).isFalse();
        assertThat(CredentialText.printableWithoutSpaces("abé")).isFalse();
        assertThat(CredentialText.printableWithoutSpaces("ab\u007f")).isFalse();
    }
}
