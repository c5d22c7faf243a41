package dev.peregrine.gateway.coinbase;

import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.feed.FeedListener;
import dev.peregrine.gateway.testing.RecordingRing;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A well-formed frame with more entries than the venue ever sends is dropped whole and counted. */
class FrameEntryLimitsTest
{
    private static final String TICKER =
        "{\"type\":\"ticker\",\"product_id\":\"BTC-USD\",\"price\":\"65086.18\",\"best_bid\":\"65083.66\"," +
        "\"best_ask\":\"65083.67\",\"best_bid_quantity\":\"0.2\",\"best_ask_quantity\":\"0.2\"}";

    private final RecordingRing recording = new RecordingRing(1024);
    private final GatewayMetrics metrics = new GatewayMetrics();
    private final CoinbaseMarketDataDecoder decoder = new CoinbaseMarketDataDecoder(
        CoinbaseProducts.CATALOG.registryFor(List.of("BTC-USD", "ETH-USD")), recording.ring(), metrics);
    private final List<String> gaps = new ArrayList<>();
    private long sequence;

    FrameEntryLimitsTest()
    {
        decoder.listener(new FeedListener()
        {
            @Override
            public void onSequenceGap(final long received, final long expected)
            {
                gaps.add(received + "/" + expected);
            }

            @Override
            public void onData(final int instrumentId, final long receiveNanoTime)
            {
            }

            @Override
            public void onSnapshotApplied(final int instrumentId)
            {
            }
        });
    }

    private void decode(final String channel, final String events)
    {
        final byte[] frame = ("{\"channel\":\"" + channel + "\",\"timestamp\":\"2026-08-09T21:05:48.229198328Z\"," +
            "\"sequence_num\":" + sequence++ + ",\"events\":[" + events + "]}").getBytes(StandardCharsets.UTF_8);
        decoder.decode(frame, 0, frame.length, 1L, 2L);
    }

    private static String repeat(final String entry, final int times)
    {
        return String.join(",", java.util.Collections.nCopies(times, entry));
    }

    @Test
    void aTwentyThousandEntryTickerFrameIsDroppedAndAFrameAtTheLimitIsNot()
    {
        decode("ticker", "{\"type\":\"update\",\"tickers\":[" + repeat(TICKER, 20_000) + "]}");
        assertThat(recording.drain()).isEmpty();
        assertThat(metrics.framesDropped(DropReason.TOO_MANY_ENTRIES)).isEqualTo(1);

        // The limit counts across the frame's events: two events of 129 are one too many.
        decode("ticker", "{\"type\":\"update\",\"tickers\":[" + repeat(TICKER, 129) + "]}," +
            "{\"type\":\"update\",\"tickers\":[" + repeat(TICKER, 128) + "]}");
        assertThat(recording.drain()).isEmpty();
        assertThat(metrics.framesDropped(DropReason.TOO_MANY_ENTRIES)).isEqualTo(2);

        decode("ticker", "{\"type\":\"update\",\"tickers\":[" + repeat(TICKER, FrameEntryLimits.MAX_TICKERS) + "]}");
        assertThat(recording.drain()).hasSize(FrameEntryLimits.MAX_TICKERS);
        assertThat(metrics.framesDroppedTotal()).isEqualTo(2);
    }

    @Test
    void anOversizedLevel2UpdateIsDroppedAndTheBookResyncedButASnapshotMayBeLarge()
    {
        final String level = "{\"side\":\"bid\",\"event_time\":\"2026-08-09T21:05:48.229198Z\"," +
            "\"price_level\":\"65000.01\",\"new_quantity\":\"1\"}";
        decode("l2_data", "{\"type\":\"update\",\"product_id\":\"BTC-USD\",\"updates\":[" +
            repeat(level, FrameEntryLimits.MAX_LEVEL2_UPDATES + 1) + "]}");
        assertThat(recording.drain()).isEmpty();
        assertThat(metrics.framesDropped(DropReason.TOO_MANY_ENTRIES)).isEqualTo(1);
        assertThat(gaps).containsExactly("0/0");

        // 20,000 levels in a snapshot (BTC-USD's real one has 46,000) pass.
        final RecordingRing big = new RecordingRing(32_768);
        final GatewayMetrics bigMetrics = new GatewayMetrics();
        final CoinbaseMarketDataDecoder bigDecoder = new CoinbaseMarketDataDecoder(
            CoinbaseProducts.CATALOG.registryFor(List.of("BTC-USD", "ETH-USD")), big.ring(), bigMetrics);
        final StringBuilder levels = new StringBuilder();
        for (int i = 0; i < 20_000; i++)
        {
            levels.append(i == 0 ? "" : ",").append(level.replace("65000.01", (i % 2 == 0 ? "6" : "7") + "00" + (10_000 + i / 2) + ".01")
                .replace("\"bid\"", i % 2 == 0 ? "\"bid\"" : "\"offer\""));
        }
        final byte[] frame = ("{\"channel\":\"l2_data\",\"timestamp\":\"2026-08-09T21:05:48.229198328Z\"," +
            "\"sequence_num\":0,\"events\":[{\"type\":\"snapshot\",\"product_id\":\"BTC-USD\",\"updates\":[" + levels +
            "]}]}").getBytes(StandardCharsets.UTF_8);
        bigDecoder.decode(frame, 0, frame.length, 1L, 2L);
        assertThat(bigMetrics.framesDroppedTotal()).isZero();
        assertThat(big.drain()).hasSize(20_000);
    }
}
