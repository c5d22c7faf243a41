package dev.peregrine.gateway.binanceusdm;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.binance.BinanceMetrics;
import dev.peregrine.gateway.testing.RecordingRing;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** markPrice, funding derived from it, and forceOrder, in the venue's documented frame shapes. */
class UsdmMarkAndLiquidationDecodeTest
{
    private static final long MS = 1_000_000L;

    private final InstrumentRegistry registry = UsdmProducts.CATALOG.registryFor(List.of("BTCUSDT", "ETHUSDT"));
    private final RecordingRing ring = new RecordingRing(1024);
    private final BinanceMetrics metrics = new BinanceMetrics();
    private final UsdmMetrics usdm = new UsdmMetrics();
    private final UsdmMarketDataDecoder decoder = new UsdmMarketDataDecoder(registry, ring.ring(), metrics, usdm, id -> { });

    @Test
    void aMarkFrameIsAMarkPriceAndTheFirstOneAtOrAfterTheAnnouncedFundingTimeSettlesIt()
    {
        decode(mark(1562305380000L, "11794.15000000", "11784.62659091", "0.00038167", 1562306400000L));
        decode(mark(1562306400500L, "11800.00000000", "11790.00000000", "0.00010000", 1562335200000L));
        decode(mark(1562306401500L, "11801.00000000", "11790.00000000", "-0.00002000", 1562335200000L));

        final List<InboundEvent> events = ring.drain();
        assertThat(events).extracting(e -> e.type).containsExactly(EventType.MARK_PRICE, EventType.FUNDING_SETTLEMENT,
            EventType.MARK_PRICE, EventType.MARK_PRICE);
        final InboundEvent first = events.get(0);
        assertThat(first.instrumentId).isEqualTo(registry.idOf("BTCUSDT"));
        assertThat(first.markPrice).isEqualTo(FixedPoint.parse("11794.15"));
        assertThat(first.indexPrice).isEqualTo(FixedPoint.parse("11784.62659091"));
        assertThat(first.fundingRate).isEqualTo(38167);
        assertThat(first.nextFundingTimeNanos).isEqualTo(1562306400000L * MS);
        assertThat(first.exchangeTimeNanos).isEqualTo(1562305380000L * MS);
        // The settlement: the rate announced for 1562306400000 (0.00038167), at that time, on the first mark after it.
        final InboundEvent settlement = events.get(1);
        assertThat(settlement.fundingRate).isEqualTo(38167);
        assertThat(settlement.markPrice).isEqualTo(FixedPoint.parse("11800"));
        assertThat(settlement.exchangeTimeNanos).isEqualTo(1562306400000L * MS);
        assertThat(settlement.fee).as("the engine computes each position's payment").isZero();
        assertThat(events.get(3).fundingRate).as("a negative rate").isEqualTo(-2000);
        assertThat(usdm.fundingSettlements()).isEqualTo(1);
    }

    @Test
    void theFirstMarkOfAConnectionPastItsOwnFundingTimeSettlesNothing()
    {
        decode(mark(1562306400500L, "11800.00000000", "11790.00000000", "0.00010000", 1562306400000L));
        decode(mark(1562306401500L, "11800.00000000", "11790.00000000", "0.00010000", 1562306400000L));

        assertThat(ring.drain()).extracting(e -> e.type).containsExactly(EventType.MARK_PRICE, EventType.MARK_PRICE);
    }

    @Test
    void aForceOrderIsALiquidationAtItsAveragePriceAndFilledQuantity()
    {
        decode("{\"stream\":\"btcusdt@forceOrder\",\"data\":{\"e\":\"forceOrder\",\"E\":1568014460893,\"o\":{\"s\":\"BTCUSDT\"," +
            "\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":\"0.014\",\"p\":\"9910\",\"ap\":\"9910.5\",\"X\":\"FILLED\"," +
            "\"l\":\"0.014\",\"z\":\"0.012\",\"T\":1568014460893}}}");

        final InboundEvent liquidation = ring.drain().get(0);
        assertThat(liquidation.type).isEqualTo(EventType.LIQUIDATION);
        assertThat(liquidation.price).isEqualTo(FixedPoint.parse("9910.5"));
        assertThat(liquidation.quantity).isEqualTo(FixedPoint.parse("0.012"));
        assertThat(liquidation.side).isEqualTo(Side.SELL);
        assertThat(liquidation.exchangeTimeNanos).isEqualTo(1568014460893L * MS);
    }

    @Test
    void badFramesAreCountedByReasonAndPublishNothing()
    {
        decode(mark(1562305380000L, "0", "1", "0.0001", 1562306400000L));
        decode("{\"stream\":\"xrpusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":1,\"s\":\"XRPUSDT\"," +
            "\"p\":\"1\",\"i\":\"1\",\"P\":\"1\",\"r\":\"0\",\"T\":2}}");
        decode("{\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":1,\"T\":1,\"s\":\"BTCUSDT\"," +
            "\"U\":5,\"u\":6,\"b\":[],\"a\":[]}}");
        decode("{\"stream\":\"btcusdt@forceOrder\",\"data\":{\"e\":\"forceOrder\",\"E\":1,\"o\":{\"s\":\"BTCUSDT\"," +
            "\"S\":\"SIDEWAYS\",\"q\":\"1\",\"p\":\"1\",\"T\":1}}}");

        assertThat(ring.drain()).isEmpty();
        assertThat(metrics.framesDropped(DropReason.NON_POSITIVE_PRICE)).isEqualTo(1);
        assertThat(metrics.framesDropped(DropReason.UNKNOWN_PRODUCT)).isEqualTo(1);
        assertThat(metrics.framesDropped(DropReason.MISSING_FIELD)).as("a futures diff without pu").isEqualTo(1);
        assertThat(metrics.framesDropped(DropReason.BAD_SIDE)).isEqualTo(1);
    }

    private static String mark(final long eventTime, final String mark, final String index, final String rate,
        final long nextFunding)
    {
        return "{\"stream\":\"btcusdt@markPrice@1s\",\"data\":{\"e\":\"markPriceUpdate\",\"E\":" + eventTime +
            ",\"s\":\"BTCUSDT\",\"p\":\"" + mark + "\",\"i\":\"" + index + "\",\"P\":\"" + index + "\",\"r\":\"" + rate +
            "\",\"T\":" + nextFunding + "}}";
    }

    private void decode(final String frame)
    {
        final byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        decoder.decode(bytes, 0, bytes.length, 1, 0);
    }
}
