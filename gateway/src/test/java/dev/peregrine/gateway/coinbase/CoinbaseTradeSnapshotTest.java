package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.TradeFlags;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.testing.RecordingRing;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code market_trades} as the venue means it, on hand-written frames: a {@code snapshot} event's
 * trades are flagged as history, every frame's trades reach the ring oldest first although the venue
 * lists them newest first, and a trade id already published for its product (a resnapshot after a
 * reconnect) is dropped and counted, per product.
 */
class CoinbaseTradeSnapshotTest
{
    private static final long BASE_NANOS = 1_786_309_500_000_000_000L;

    private final InstrumentRegistry registry = CoinbaseProducts.CATALOG.registryFor(List.of("BTC-USD", "ETH-USD"));
    private final int btc = registry.idOf("BTC-USD");
    private final int eth = registry.idOf("ETH-USD");
    private RecordingRing recording;
    private GatewayMetrics metrics;
    private CoinbaseMarketDataDecoder decoder;
    private long sequence;

    @BeforeEach
    void setUp()
    {
        recording = new RecordingRing(1 << 12);
        metrics = new GatewayMetrics();
        decoder = new CoinbaseMarketDataDecoder(registry, recording.ring(), metrics);
    }

    @Test
    void snapshotTradesAreFlaggedAndPublishedOldestFirst()
    {
        decode("snapshot", "BTC-USD", 103, 102, 101);
        final List<InboundEvent> snapshot = take();

        assertThat(ids(snapshot)).containsExactly(101L, 102L, 103L);
        assertThat(snapshot).allSatisfy(e ->
        {
            assertThat(e.type).isEqualTo(EventType.TRADE);
            assertThat(TradeFlags.isSnapshot(e)).isTrue();
        });
        assertThat(times(snapshot)).containsExactly(time(101), time(102), time(103));

        decode("update", "BTC-USD", 105, 104);
        final List<InboundEvent> update = take();
        assertThat(ids(update)).containsExactly(104L, 105L);
        assertThat(update).noneSatisfy(e -> assertThat(TradeFlags.isSnapshot(e)).isTrue());
        assertThat(decoder.duplicateTrades(btc)).isZero();
    }

    @Test
    void aResnapshotAfterAReconnectAddsOnlyTheTradesMissedWhileAway()
    {
        decode("snapshot", "BTC-USD", 102, 101, 100);
        decode("update", "BTC-USD", 103);
        take();

        decoder.onConnected();
        sequence = 0;
        // 104 and 105 printed while the connection was down; 100 to 103 the engine already has.
        decode("snapshot", "BTC-USD", 105, 104, 103, 102, 101, 100);
        final List<InboundEvent> resnapshot = take();

        assertThat(ids(resnapshot)).containsExactly(104L, 105L);
        assertThat(resnapshot).allSatisfy(e -> assertThat(TradeFlags.isSnapshot(e)).isTrue());
        assertThat(decoder.duplicateTrades(btc)).isEqualTo(4);

        decode("update", "BTC-USD", 105);
        assertThat(take()).isEmpty();
        assertThat(decoder.duplicateTrades(btc)).isEqualTo(5);
        assertThat(decoder.duplicateTrades(eth)).isZero();
    }

    @Test
    void tradeIdsAreDeduplicatedPerProduct()
    {
        decode("update", "BTC-USD", 500);
        decode("update", "ETH-USD", 500);

        final List<InboundEvent> events = take();
        assertThat(events).extracting(e -> e.instrumentId).containsExactly(btc, eth);
        assertThat(decoder.duplicateTrades(btc) + decoder.duplicateTrades(eth)).isZero();
    }

    @Test
    void aTradeArrivingLateWithinTheWindowIsKeptOnceAndOneFarBelowTheMarkIsADuplicate()
    {
        decode("update", "BTC-USD", 1_000);
        decode("update", "BTC-USD", 1_010);
        decode("update", "BTC-USD", 1_004); // late, never seen: kept
        decode("update", "BTC-USD", 1_004); // now seen: dropped
        decode("update", "BTC-USD", 1_010 - SeenTradeIds.WINDOW); // below the window: the in-order rule says seen

        assertThat(ids(take())).containsExactly(1_000L, 1_010L, 1_004L);
        assertThat(decoder.duplicateTrades(btc)).isEqualTo(2);
    }

    @Test
    void aSnapshotLargerThanTheSinglePassHoldsIsStillOldestFirstAndFlagged()
    {
        final long[] newestFirst = new long[100];
        for (int i = 0; i < newestFirst.length; i++)
        {
            newestFirst[i] = 2_000 - i;
        }
        decode("snapshot", "ETH-USD", newestFirst);

        final List<InboundEvent> events = take();
        assertThat(events).hasSize(100);
        assertThat(ids(events)).isSorted().startsWith(1_901L).endsWith(2_000L);
        assertThat(times(events)).isSorted();
        assertThat(events).allSatisfy(e -> assertThat(TradeFlags.isSnapshot(e)).isTrue());
    }

    @Test
    void whateverOrderAFrameListsItsTradesInTheyArePublishedOldestFirst()
    {
        decode("update", "BTC-USD", 301, 302, 303);
        decode("update", "BTC-USD", 305, 307, 304, 306);

        final List<InboundEvent> events = take();
        assertThat(ids(events)).containsExactly(301L, 302L, 303L, 304L, 305L, 306L, 307L);
        assertThat(times(events)).isSorted();
        assertThat(decoder.duplicateTrades(btc)).isZero();
    }

    @Test
    void theEventTypeMayFollowItsTrades()
    {
        final String frame = "{\"channel\":\"market_trades\",\"timestamp\":\"2026-08-09T21:05:48.228568804Z\"," +
            "\"sequence_num\":0,\"events\":[{\"trades\":[" + trade("BTC-USD", 8) + "," + trade("BTC-USD", 7) +
            "],\"type\":\"snapshot\"}]}";
        final byte[] bytes = frame.getBytes(StandardCharsets.US_ASCII);
        decoder.decode(bytes, 0, bytes.length, BASE_NANOS, 1L);

        final List<InboundEvent> events = take();
        assertThat(ids(events)).containsExactly(7L, 8L);
        assertThat(events).allSatisfy(e -> assertThat(TradeFlags.isSnapshot(e)).isTrue());
    }

    /** The events published since the last take. */
    private List<InboundEvent> take()
    {
        final List<InboundEvent> events = new ArrayList<>(recording.drain());
        recording.clear();
        return events;
    }

    private void decode(final String type, final String product, final long... tradeIdsAsListed)
    {
        final StringBuilder frame = new StringBuilder(256)
            .append("{\"channel\":\"market_trades\",\"timestamp\":\"2026-08-09T21:05:48.228568804Z\",\"sequence_num\":")
            .append(sequence++).append(",\"events\":[{\"type\":\"").append(type).append("\",\"trades\":[");
        for (int i = 0; i < tradeIdsAsListed.length; i++)
        {
            frame.append(i == 0 ? "" : ",").append(trade(product, tradeIdsAsListed[i]));
        }
        final byte[] bytes = frame.append("]}]}").toString().getBytes(StandardCharsets.US_ASCII);
        decoder.decode(bytes, 0, bytes.length, BASE_NANOS, 1L);
    }

    /** A trade whose time follows its id (one millisecond per id), as the venue's would. */
    private static String trade(final String product, final long tradeId)
    {
        final long millis = tradeId % 60_000;
        final String time = String.format(java.util.Locale.ROOT, "2026-08-09T21:%02d:%02d.%03dZ",
            millis / 60_000, (millis / 1_000) % 60, millis % 1_000);
        return "{\"product_id\":\"" + product + "\",\"trade_id\":\"" + tradeId + "\",\"price\":\"65083.67\"," +
            "\"size\":\"0.002186\",\"time\":\"" + time + "\",\"side\":\"SELL\"}";
    }

    private static long time(final long tradeId)
    {
        return java.time.Instant.parse("2026-08-09T21:00:00Z").toEpochMilli() * 1_000_000L + (tradeId % 60_000) * 1_000_000L;
    }

    private static List<Long> ids(final List<InboundEvent> events)
    {
        final List<Long> ids = new ArrayList<>();
        events.forEach(e -> ids.add(e.tradeId));
        return ids;
    }

    private static List<Long> times(final List<InboundEvent> events)
    {
        final List<Long> times = new ArrayList<>();
        events.forEach(e -> times.add(e.exchangeTimeNanos));
        return times;
    }
}
