package dev.peregrine.gateway.coinbase;

import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.testing.RecordingRing;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The decoder's hot path allocates nothing once warm: decode good and bad frames many times and read
 * this thread's allocation counter before and after. (JMH's GC profiler in {@code bench} measures the
 * same thing more thoroughly; this test keeps a regression from reaching {@code main}.)
 */
class CoinbaseMarketDataDecoderAllocationTest
{
    private static final byte[] TICKER = ("{\"channel\":\"ticker\",\"timestamp\":\"2026-08-09T21:05:48.229198328Z\"," +
        "\"sequence_num\":6,\"events\":[{\"type\":\"update\",\"tickers\":[{\"type\":\"ticker\",\"product_id\":\"ETH-USD\"," +
        "\"price\":\"1919.41\",\"volume_24_h\":\"19975.95927439\",\"best_bid\":\"1919.42\",\"best_ask\":\"1919.49\"," +
        "\"best_bid_quantity\":\"1.512673\",\"best_ask_quantity\":\"0.07814824\"}]}]}").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] TRADES = ("{\"channel\":\"market_trades\",\"timestamp\":\"2026-08-09T21:05:48.251397169Z\"," +
        "\"sequence_num\":7,\"events\":[{\"type\":\"update\",\"trades\":[{\"product_id\":\"BTC-USD\",\"trade_id\":\"1068572091\"," +
        "\"price\":\"65083.67\",\"size\":\"0.01034361\",\"time\":\"2026-08-09T21:05:48.167634Z\",\"side\":\"SELL\"}," +
        "{\"product_id\":\"NOPE-USD\",\"trade_id\":\"1\",\"price\":\"1\",\"size\":\"1\",\"time\":\"2026-08-09T21:05:48Z\",\"side\":\"BUY\"}]}]}")
        .getBytes(StandardCharsets.US_ASCII);
    private static final byte[] GARBAGE = "{\"channel\":\"ticker\",\"events\":[{]".getBytes(StandardCharsets.US_ASCII);

    @Test
    void decodingAllocatesNothingAfterWarmUp()
    {
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
        final RecordingRing recording = new RecordingRing(1024);
        final GatewayMetrics metrics = new GatewayMetrics();
        final CoinbaseMarketDataDecoder decoder = new CoinbaseMarketDataDecoder(
            CoinbaseProducts.CATALOG.registryFor(List.of("BTC-USD", "ETH-USD")), recording.ring(), metrics);
        // Nothing consumes in this test, so the ring must not gate the producer.
        recording.ring().removeGatingSequence(recording.pollerSequence());

        run(decoder, 20_000);
        final long before = threads.getCurrentThreadAllocatedBytes();
        run(decoder, 100_000);
        final long allocated = threads.getCurrentThreadAllocatedBytes() - before;

        assertThat(metrics.eventsPublished()).isEqualTo(240_000);
        // A few hundred bytes of slack for the measuring call itself.
        assertThat(allocated).as("bytes allocated by 300,000 decodes").isLessThan(1_000);
    }

    private static final int TRADE_ID_AT = new String(TRADES, StandardCharsets.US_ASCII).indexOf("1068572091");
    private static long nextTradeId = 1_068_572_091L;

    private static void run(final CoinbaseMarketDataDecoder decoder, final int rounds)
    {
        for (int i = 0; i < rounds; i++)
        {
            // A new trade id every round, written in place: a repeated id would be dropped as a duplicate.
            long id = nextTradeId++;
            for (int d = TRADE_ID_AT + 9; d >= TRADE_ID_AT; d--, id /= 10)
            {
                TRADES[d] = (byte)('0' + id % 10);
            }
            decoder.decode(TICKER, 0, TICKER.length, i, i);
            decoder.decode(TRADES, 0, TRADES.length, i, i);
            decoder.decode(GARBAGE, 0, GARBAGE.length, i, i);
        }
    }
}
