package dev.peregrine.gateway.binance;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.gateway.testing.FrameMutator;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A million mutated frames derived from the real Binance capture (trades, bookTickers and depth diffs,
 * all of its combined-stream messages): no exception escapes, and every frame is either decoded (its
 * envelope received and nothing dropped: events published, or a diff buffered for the book sync) or
 * counted as dropped exactly once. The decoder counts a frame received as soon as its envelope parses,
 * so a frame whose payload is bad is both received and dropped: dropped is the outcome that counts.
 */
class BinanceDecoderFuzzTest
{
    private static final String CAPTURE = "binance_spot_btcusdt_20240808.hftbacktest.gz";
    private static final int FRAMES = 1_000_000;
    private static final int MAX_SEED_BYTES = 16 * 1024;

    @Test
    void everyMutatedFrameIsReceivedOrCountedAsDroppedAndNothingThrows() throws Exception
    {
        final List<byte[]> seeds = seeds(ExternalResources.sharedDataFile(CAPTURE));
        assertThat(seeds).hasSizeGreaterThan(40_000);
        final InstrumentRegistry registry = BinanceProducts.CATALOG.registryFor(List.of("BTCUSDT"));
        final RingBuffer<InboundEvent> ring = RingBuffer.createSingleProducer(InboundEvent::new, 1024);
        final BinanceMetrics metrics = new BinanceMetrics();
        final BinanceMarketDataDecoder decoder = new BinanceMarketDataDecoder(registry, ring, metrics, instrumentId -> { });
        final FrameMutator mutator = new FrameMutator(seeds, 20240808L, 3 * MAX_SEED_BYTES);
        final byte[] buffer = new byte[4 * MAX_SEED_BYTES + 16];

        long decoded = 0;
        for (int n = 0; n < FRAMES; n++)
        {
            final int length = mutator.mutate(buffer);
            final long receivedBefore = received(metrics);
            final long droppedBefore = metrics.framesDroppedTotal();
            try
            {
                decoder.decode(buffer, 0, length, 1_000L + n, 2_000L + n);
            }
            catch (final RuntimeException | Error ex)
            {
                throw new AssertionError("frame " + n + " threw: " +
                    new String(buffer, 0, Math.min(length, 2000), StandardCharsets.ISO_8859_1), ex);
            }
            final long receivedNow = received(metrics) - receivedBefore;
            final long droppedNow = metrics.framesDroppedTotal() - droppedBefore;
            assertThat(droppedNow).as("frame %d dropped at most once", n).isBetween(0L, 1L);
            assertThat(receivedNow).as("frame %d received at most once", n).isBetween(0L, 1L);
            assertThat(receivedNow + droppedNow).as("frame %d has an outcome", n).isPositive();
            decoded += droppedNow == 0 ? 1 : 0;
        }
        assertThat(decoded + metrics.framesDroppedTotal()).isEqualTo(FRAMES);
        // Binance frames are small (a trade is ~150 bytes), so one to three mutations break most of them;
        // about 5 % survive intact enough to decode. Both outcomes must be well exercised.
        assertThat(decoded).as("some mutations leave a frame decodable").isGreaterThan(FRAMES / 50);
        assertThat(metrics.framesDroppedTotal()).as("and many break it").isGreaterThan(FRAMES / 10);
        assertThat(metrics.eventsPublished()).isPositive();
    }

    private static long received(final BinanceMetrics metrics)
    {
        long frames = 0;
        for (final BinanceStream stream : BinanceStream.values())
        {
            frames += metrics.framesReceived(stream);
        }
        return frames;
    }

    /** Every combined-stream message of the capture (the REST snapshot line is not a WebSocket frame). */
    static List<byte[]> seeds(final Path file) throws Exception
    {
        final List<byte[]> seeds = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = lines.readLine()) != null)
            {
                final int space = line.indexOf(' ');
                if (space > 0 && line.startsWith("{\"stream\"", space + 1) && line.length() - space - 1 <= MAX_SEED_BYTES)
                {
                    seeds.add(line.substring(space + 1).getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return seeds;
    }
}
