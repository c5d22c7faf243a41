package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.InstrumentStatus;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Each entry kind is decoded into, and copied out of, its own scratch entry. */
class EntryScratchTest
{
    private final InstrumentRegistry registry = CoinbaseProducts.CATALOG.registryFor(List.of("BTC-USD", "ETH-USD"));
    private final EntryScratch scratch = new EntryScratch(new InlineEntries(registry), new CandleEntry(registry),
        new ProductStatusEntry(registry), new OldestFirstOrder());
    private final JsonScanner scanner = new JsonScanner();
    private final InboundEvent event = new InboundEvent();

    @Test
    void aTickerGoesThroughTheFirstInlineTicker()
    {
        decodeAndCopy(CoinbaseEventPublisher.KIND_TICKER, "{\"product_id\":\"ETH-USD\",\"price\":\"2\",\"best_bid\":\"1\","
            + "\"best_bid_quantity\":\"3\",\"best_ask\":\"2\",\"best_ask_quantity\":\"4\"}");
        assertEquals(EventType.QUOTE, event.type);
        assertEquals(registry.idOf("ETH-USD"), event.instrumentId);
        assertEquals(scratch.inline().tickers[0].instrumentId(), event.instrumentId);
        assertEquals(3 * FixedPoint.SCALE, event.bidQuantity);
        assertEquals(9, event.venueSequence);
        assertEquals(10, event.exchangeTimeNanos);
    }

    @Test
    void aCandleGoesThroughTheCandle()
    {
        decodeAndCopy(CoinbaseEventPublisher.KIND_CANDLE, "{\"product_id\":\"BTC-USD\",\"start\":\"2\",\"open\":\"1\","
            + "\"high\":\"3\",\"low\":\"1\",\"close\":\"2\",\"volume\":\"0\"}");
        assertEquals(EventType.CANDLE, event.type);
        assertEquals(2_000_000_000L, event.exchangeTimeNanos);
        assertEquals(3 * FixedPoint.SCALE, event.high);
    }

    @Test
    void aProductGoesThroughTheStatusWithItsFlags()
    {
        decodeAndCopy(CoinbaseEventPublisher.KIND_STATUS, "{\"id\":\"BTC-USD\",\"quote_increment\":\"0.01\","
            + "\"base_increment\":\"0.001\",\"status\":\"online\",\"cancel_only\":true}");
        assertEquals(EventType.INSTRUMENT_INFO, event.type);
        assertEquals(InstrumentStatus.CANCEL_ONLY, event.flags);
        assertEquals(FixedPoint.SCALE / 100, event.priceIncrement);
        assertEquals(DropReason.BAD_QUANTITY, decode(CoinbaseEventPublisher.KIND_STATUS,
            "{\"id\":\"BTC-USD\",\"quote_increment\":\"0.01\",\"base_increment\":\"0\",\"status\":\"online\"}"));
    }

    @Test
    void theEntryPassTradeIsTheFirstInlineTrade()
    {
        assertSame(scratch.inline().trades[0], scratch.trade());
    }

    /** Decodes {@code json} as {@code kind}, which must succeed, and copies the entry into {@link #event}. */
    private void decodeAndCopy(final int kind, final String json)
    {
        assertNull(decode(kind, json));
        scratch.copyTo(kind, 0, event, 9, 10, 11, 12);
    }

    private DropReason decode(final int kind, final String json)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        scanner.wrap(bytes, 0, bytes.length);
        return scratch.decode(kind, scanner);
    }
}
