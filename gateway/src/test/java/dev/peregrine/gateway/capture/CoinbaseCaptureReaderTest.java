package dev.peregrine.gateway.capture;

import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.gateway.testing.TestJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The reader against the real capture (compared with an independent reading: the JDK's gzip and the
 * test-only JSON parser) and against small synthetic files for the edge cases.
 */
class CoinbaseCaptureReaderTest
{
    static final String COINBASE = "coinbase_advtrade_ws_BTC-USD_ETH-USD_20260809.cryptofeed.jsonl.gz";
    static final String BINANCE = "binance_spot_btcusdt_20240808.hftbacktest.gz";

    @TempDir
    Path temp;

    @Test
    void readsEveryReceivedFrameOfTheRealCaptureInOrder() throws Exception
    {
        final Path file = ExternalResources.sharedDataFile(COINBASE);
        final List<String> expectedFrames = new ArrayList<>();
        final List<BigDecimal> expectedTimes = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = lines.readLine()) != null)
            {
                final Map<String, Object> envelope = TestJson.object(line);
                if ("recv".equals(envelope.get("t")))
                {
                    expectedFrames.add((String)envelope.get("data"));
                    expectedTimes.add((BigDecimal)envelope.get("ts"));
                }
            }
        }
        assertThat(expectedFrames).hasSize(1_030); // as the capture's README documents

        final List<CaptureRecord> frames = new ArrayList<>();
        try (CoinbaseCaptureReader reader = CoinbaseCaptureReader.open(file))
        {
            CaptureRecord frame;
            while ((frame = reader.nextFrame()) != null)
            {
                frames.add(frame);
            }
            assertThat(reader.framesRead()).isEqualTo(1_030);
        }
        assertThat(frames).hasSize(expectedFrames.size());
        for (int i = 0; i < frames.size(); i++)
        {
            assertThat(frames.get(i).data()).as("frame %d", i).isEqualTo(expectedFrames.get(i));
            assertThat(frames.get(i).epochNanos()).as("frame %d", i)
                .isEqualTo(expectedTimes.get(i).movePointRight(9).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact());
            assertThat(frames.get(i).connection()).isEqualTo("COINBASE.ws.2");
            assertThat(((BigDecimal)TestJson.object(frames.get(i).data()).get("sequence_num")).intValue()).isEqualTo(i);
        }
        assertThat(CoinbaseCaptureReader.products(file)).containsExactly("BTC-USD", "ETH-USD");
        assertThat(CaptureFormat.detect(file)).isEqualTo(CaptureFormat.COINBASE_ADVANCED_TRADE);
    }

    @Test
    void tellsTheBinanceCaptureApartByItsContent() throws Exception
    {
        final Path binance = ExternalResources.sharedDataFile(BINANCE);
        final Path renamed = Files.copy(binance, temp.resolve("capture.jsonl.gz"));
        assertThat(CaptureFormat.detect(renamed)).isEqualTo(CaptureFormat.BINANCE_HFTBACKTEST);
        assertThatThrownBy(() -> CoinbaseCaptureReader.open(renamed))
            .isInstanceOf(CaptureFormatException.class).hasMessageContaining("Binance");
    }

    @Test
    void plainTextEscapesAndProductsFromTheFramesWhenNothingWasSubscribed() throws Exception
    {
        final Path file = temp.resolve("small.jsonl");
        Files.writeString(file, String.join("\n",
            "{\"t\":\"connect\",\"conn\":\"c1\",\"ts\":1.5,\"addr\":\"x\"}",
            "",
            "{\"t\":\"recv\",\"conn\":\"c1\",\"ts\":1786309548.8480508,\"data\":\"{\\\"channel\\\":\\\"l2_data\\\",\\\"events\\\":[{\\\"product_id\\\":\\\"SOL-USD\\\"}],\\\"x\\\":\\\"\\\\u00e9\\\\ud83d\\\\ude00\\\"}\"}",
            "{\"t\":\"recv\",\"conn\":\"c1\",\"ts\":2,\"data\":\"\\u00e9\\ud83d\\ude00 tab\\there\"}",
            ""), StandardCharsets.UTF_8);
        try (CoinbaseCaptureReader reader = CoinbaseCaptureReader.open(file))
        {
            final CaptureRecord first = reader.nextFrame();
            assertThat(first.epochNanos()).isEqualTo(1_786_309_548_848_050_800L);
            assertThat(first.data()).isEqualTo(
                "{\"channel\":\"l2_data\",\"events\":[{\"product_id\":\"SOL-USD\"}],\"x\":\"\\u00e9\\ud83d\\ude00\"}");
            assertThat(reader.nextFrame().data()).isEqualTo("\u00e9\uD83D\uDE00 tab\there");
            assertThat(reader.nextFrame()).isNull();
        }
        assertThat(CoinbaseCaptureReader.products(file)).containsExactly("SOL-USD");

        // The same content gzipped under a name that says nothing: detected by its bytes.
        final Path gz = temp.resolve("no-extension");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz)))
        {
            out.write(Files.readAllBytes(file));
        }
        assertThat(CaptureFormat.detect(gz)).isEqualTo(CaptureFormat.COINBASE_ADVANCED_TRADE);
    }

    @Test
    void badFilesFailWithTheirNameAndLine() throws Exception
    {
        final Path missing = temp.resolve("missing.jsonl.gz");
        assertThatThrownBy(() -> CaptureFormat.detect(missing))
            .isInstanceOf(CaptureFormatException.class).hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");

        final Path text = Files.writeString(temp.resolve("notes.txt"), "hello\n");
        assertThatThrownBy(() -> CaptureFormat.detect(text))
            .isInstanceOf(CaptureFormatException.class).hasMessageContaining("is not a capture");

        final Path empty = Files.writeString(temp.resolve("empty.jsonl"), "\n\n");
        assertThatThrownBy(() -> CaptureFormat.detect(empty)).hasMessageContaining("is empty");

        final Path zstd = Files.write(temp.resolve("x.zst"), new byte[] {0x28, (byte)0xb5, 0x2f, (byte)0xfd, 0, 0});
        assertThatThrownBy(() -> CaptureFormat.detect(zstd)).hasMessageContaining("zstd");

        final Path truncated = Files.writeString(temp.resolve("cut.jsonl"),
            "{\"t\":\"recv\",\"conn\":\"c\",\"ts\":1,\"data\":\"{}\"}\n{\"t\":\"recv\",\"conn\":\"c\",\"ts\":2,\"da");
        try (CoinbaseCaptureReader reader = CoinbaseCaptureReader.open(truncated))
        {
            assertThat(reader.nextFrame().data()).isEqualTo("{}");
            assertThatThrownBy(reader::nextFrame).isInstanceOf(CaptureFormatException.class)
                .hasMessageContaining("cut.jsonl line 2");
        }
    }
}
