package dev.peregrine.gateway.binance.orders;

import dev.peregrine.gateway.orders.CredentialsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceCredentialsTest
{
    /** The example key of Binance's "SIGNED endpoint examples" (spot REST API documentation). */
    static final String DOC_API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String DOC_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";

    @TempDir
    Path dir;

    @Test
    void anHmacSecretSignsTheDocumentedExampleToTheDocumentedSignature()
    {
        final BinanceCredentials credentials = BinanceCredentials.of(DOC_API_KEY, DOC_SECRET, "test");

        assertThat(credentials.kind()).isEqualTo(BinanceCredentials.Kind.HMAC_SHA256);
        assertThat(credentials.apiKey()).isEqualTo(DOC_API_KEY);
        assertThat(credentials.sign("symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1" +
            "&recvWindow=5000&timestamp=1499827319559"))
            .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
        assertThat(credentials.toString()).doesNotContain(DOC_SECRET);
    }

    @Test
    void anEd25519PemSignsInBase64WhatItsPublicKeyVerifies() throws Exception
    {
        final KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        final String payload = "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.01&timestamp=1";

        final BinanceCredentials credentials = BinanceCredentials.of("ed-key", pem(pair), "test");
        final String signature = credentials.sign(payload);

        assertThat(credentials.kind()).isEqualTo(BinanceCredentials.Kind.ED25519);
        final Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(pair.getPublic());
        verifier.update(payload.getBytes(StandardCharsets.UTF_8));
        assertThat(verifier.verify(Base64.getDecoder().decode(signature))).isTrue();
    }

    @Test
    void aPemWithEscapedNewlinesFromAnEnvironmentVariableIsRead() throws Exception
    {
        final KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();

        final BinanceCredentials credentials = BinanceCredentials.fromEnvironment(Map.of(
            BinanceCredentials.ENV_API_KEY, "ed-key", BinanceCredentials.ENV_SECRET, pem(pair).replace("\n", "\\n")));

        assertThat(credentials.kind()).isEqualTo(BinanceCredentials.Kind.ED25519);
    }

    @Test
    void aKeyFileHoldsTheKeyAndEitherSecret() throws Exception
    {
        final Path hmac = Files.writeString(dir.resolve("hmac.json"),
            "{\"apiKey\":\"" + DOC_API_KEY + "\",\"secretKey\":\"" + DOC_SECRET + "\"}");
        final KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        final Path ed = Files.writeString(dir.resolve("ed.json"),
            "{\"apiKey\":\"ed-key\",\"privateKey\":\"" + pem(pair).replace("\n", "\\n") + "\"}");

        assertThat(BinanceCredentials.fromKeyFile(hmac).kind()).isEqualTo(BinanceCredentials.Kind.HMAC_SHA256);
        assertThat(BinanceCredentials.fromKeyFile(ed).kind()).isEqualTo(BinanceCredentials.Kind.ED25519);
        assertThatThrownBy(() -> BinanceCredentials.fromKeyFile(Files.writeString(dir.resolve("bad.json"), "[1]")))
            .isInstanceOf(CredentialsException.class).hasMessageContaining("bad.json is not a JSON object with apiKey");
        assertThatThrownBy(() -> BinanceCredentials.fromKeyFile(dir.resolve("none.json")))
            .isInstanceOf(CredentialsException.class).hasMessageContaining("none.json does not exist");
    }

    @Test
    void badKeysAreRefusedNamingWhatIsWrongAndWhereButNeverTheSecret() throws Exception
    {
        final String rsa = "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAKj34GkxFhD90vcNLYLInFEX6Ppy1tPf9Cnzj4p4WGeKLs1Pt8Qu\n" +
            "-----END RSA PRIVATE KEY-----";
        final KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();

        assertThatThrownBy(() -> BinanceCredentials.of(null, DOC_SECRET, "environment X"))
            .hasMessageContaining("API key is missing (environment X)");
        assertThatThrownBy(() -> BinanceCredentials.of(DOC_API_KEY, " ", "environment X"))
            .hasMessageContaining("API secret is missing (environment X)");
        assertThatThrownBy(() -> BinanceCredentials.of("a key", DOC_SECRET, "f"))
            .hasMessageContaining("holds spaces");
        assertThatThrownBy(() -> BinanceCredentials.of(DOC_API_KEY, "short", "f"))
            .hasMessageContaining("neither an HMAC secret key").hasMessageNotContaining("short");
        assertThatThrownBy(() -> BinanceCredentials.of(DOC_API_KEY, rsa, "f"))
            .hasMessageContaining("RSA and encrypted keys are not supported");
        assertThatThrownBy(() -> BinanceCredentials.of(DOC_API_KEY, pem(ec), "key file k.json"))
            .isInstanceOf(CredentialsException.class)
            .hasMessageContaining("not an Ed25519 private key (key file k.json");
        assertThatThrownBy(() -> BinanceCredentials.of("your-api-key", DOC_SECRET, "f"))
            .hasMessageContaining("placeholder");
    }

    static String pem(final KeyPair pair)
    {
        return "-----BEGIN PRIVATE KEY-----\n" +
            Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded()) +
            "\n-----END PRIVATE KEY-----\n";
    }
}
