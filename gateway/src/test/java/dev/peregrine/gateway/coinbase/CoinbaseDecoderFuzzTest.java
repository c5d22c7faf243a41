package dev.peregrine.gateway.coinbase;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.capture.CaptureRecord;
import dev.peregrine.gateway.capture.CoinbaseCaptureReader;
import dev.peregrine.gateway.testing.FrameMutator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Derives 1,000,000 mutated frames from the real capture (seeded, so a failure reproduces) and feeds
 * them to the decoder: no exception may escape, and every frame must end in exactly one outcome the
 * metrics count: decoded (events published), without events (a good envelope of a known channel that
 * published nothing: control channels, all entries dropped), dropped whole, or a venue error message.
 *
 * <p>Seeds are mostly the small frames plus the level2 updates (the multi-megabyte snapshots are left
 * out so the run stays a few seconds). The ring has no consumer gating it, so the producer never waits.
 */
class CoinbaseDecoderFuzzTest
{
    private static final String CAPTURE = "coinbase_advtrade_ws_BTC-USD_ETH-USD_20260809.cryptofeed.jsonl.gz";
    private static final int FRAMES = 1_000_000;
    private static final int MAX_SEED_BYTES = 16 * 1024;

    @Test
    void everyMutatedFrameIsDecodedOrCountedAndNothingThrows() throws Exception
    {
        final List<byte[]> seeds = seeds(ExternalResources.sharedDataFile(CAPTURE));
        assertThat(seeds).hasSizeGreaterThan(900);
        final InstrumentRegistry registry = CoinbaseProducts.CATALOG.registryFor(List.of("BTC-USD", "ETH-USD"));
        final RingBuffer<InboundEvent> ring = RingBuffer.createSingleProducer(InboundEvent::new, 1024);
        final GatewayMetrics metrics = new GatewayMetrics();
        final CoinbaseMarketDataDecoder decoder = new CoinbaseMarketDataDecoder(registry, ring, metrics, 64 * 1024);
        final FrameMutator mutator = new FrameMutator(seeds, 20260809L, 3 * MAX_SEED_BYTES);
        final byte[] buffer = new byte[4 * MAX_SEED_BYTES + 16];

        long decodedFrames = 0;
        for (int n = 0; n < FRAMES; n++)
        {
            final int length = mutator.mutate(buffer);
            final long eventsBefore = metrics.eventsPublished();
            final long outcomesBefore = outcomes(metrics);
            final long decodedBefore = metrics.framesDecoded();
            try
            {
                decoder.decode(buffer, 0, length, 1_000L + n, 2_000L + n);
            }
            catch (final RuntimeException | Error ex)
            {
                throw new AssertionError("frame " + n + " threw: " +
                    new String(buffer, 0, Math.min(length, 2000), StandardCharsets.ISO_8859_1), ex);
            }
            assertThat(outcomes(metrics) - outcomesBefore).as("outcomes of frame %d", n).isEqualTo(1);
            final boolean published = metrics.eventsPublished() > eventsBefore;
            assertThat(metrics.framesDecoded() - decodedBefore).as("frame %d decoded", n).isEqualTo(published ? 1 : 0);
            decodedFrames += published ? 1 : 0;
        }

        assertThat(metrics.framesIn()).isEqualTo(FRAMES);
        assertThat(metrics.framesIn()).isEqualTo(
            metrics.framesDecoded() + metrics.framesWithoutEvents() + metrics.framesDroppedTotal() + metrics.venueErrors());
        // The mutations leave many frames intact enough to decode, and break many others.
        assertThat(decodedFrames).isGreaterThan(FRAMES / 10);
        assertThat(metrics.framesDroppedTotal()).isGreaterThan(FRAMES / 10);
        assertThat(metrics.entriesDroppedTotal()).isPositive();
    }

    private static long outcomes(final GatewayMetrics metrics)
    {
        return metrics.framesDecoded() + metrics.framesWithoutEvents() + metrics.framesDroppedTotal() + metrics.venueErrors();
    }


    private static List<byte[]> seeds(final Path file) throws Exception
    {
        final List<byte[]> seeds = new ArrayList<>();
        try (CoinbaseCaptureReader capture = CoinbaseCaptureReader.open(file))
        {
            CaptureRecord record;
            while ((record = capture.nextFrame()) != null)
            {
                final byte[] frame = record.data().getBytes(StandardCharsets.UTF_8);
                if (frame.length <= MAX_SEED_BYTES)
                {
                    seeds.add(frame);
                }
            }
        }
        // Frames of the channels the capture lacks, in the documented shapes.
        seeds.add(bytes("{\"channel\":\"status\",\"timestamp\":\"2026-08-09T21:05:48.2Z\",\"sequence_num\":5," +
            "\"events\":[{\"type\":\"snapshot\",\"products\":[{\"product_type\":\"SPOT\",\"id\":\"BTC-USD\"," +
            "\"base_currency\":\"BTC\",\"quote_currency\":\"USD\",\"base_increment\":\"0.00000001\"," +
            "\"quote_increment\":\"0.01\",\"display_name\":\"BTC/USD\",\"status\":\"online\",\"status_message\":\"\"," +
            "\"min_market_funds\":\"1\"}]}]}"));
        seeds.add(bytes("{\"channel\":\"ticker_batch\",\"timestamp\":\"2026-08-09T21:05:48.2Z\",\"sequence_num\":6," +
            "\"events\":[{\"type\":\"update\",\"tickers\":[{\"type\":\"ticker\",\"product_id\":\"ETH-USD\",\"price\":\"1916.1\"," +
            "\"volume_24_h\":\"1\",\"low_24_h\":\"1\",\"high_24_h\":\"2\",\"low_52_w\":\"1\",\"high_52_w\":\"2\"," +
            "\"price_percent_chg_24_h\":\"0.1\",\"best_bid\":\"1916.09\",\"best_bid_quantity\":\"1.5\"," +
            "\"best_ask\":\"1916.1\",\"best_ask_quantity\":\"0.2\"}]}]}"));
        seeds.add(bytes("{\"type\":\"error\",\"message\":\"failure to subscribe\"}"));
        return seeds;
    }

    private static byte[] bytes(final String text)
    {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
