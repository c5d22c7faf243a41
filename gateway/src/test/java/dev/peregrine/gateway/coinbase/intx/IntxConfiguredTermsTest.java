package dev.peregrine.gateway.coinbase.intx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.gateway.coinbase.CoinbaseLiveVenue;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJwtSigner;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderClient;
import dev.peregrine.gateway.coinbase.orders.TestKeys;
import dev.peregrine.gateway.sim.MarketSnapshot;
import dev.peregrine.gateway.testing.Await;
import dev.peregrine.gateway.testing.RecordingRing;
import dev.peregrine.gateway.venue.PerpetualAccountTerms;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configured leverage and margin type reach INTX over real sockets: a live Coinbase venue told 5x isolated for
 * BTC-PERP-INTX ({@link CoinbaseLiveVenue#engineView}) sends its order with {@code leverage} 5 and {@code margin_type}
 * ISOLATED, and the emulator's INTX position (Get Perpetuals Position) is held at 5x, isolated.
 */
class IntxConfiguredTermsTest
{
    private static final String BTC = "BTC-PERP-INTX";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final KeyPair key = TestKeys.ed25519();
    private final CoinbaseVenueEmulator venue = new CoinbaseVenueEmulator(key.getPublic(), TestKeys.KEY_NAME, "127.0.0.1").start();
    private final CoinbaseOrderClient client = new CoinbaseOrderClient(venue.baseUri(), "127.0.0.1",
        new CoinbaseJwtSigner(TestKeys.credentials(key)), Duration.ofSeconds(10), Duration.ofSeconds(5));

    @AfterEach
    void stop()
    {
        venue.close();
    }

    @Test
    void anIsolatedFiveTimesOrderHoldsAnIsolatedFiveTimesPosition()
    {
        final InstrumentRegistry instruments = new InstrumentRegistry();
        instruments.register(BTC, 1_000_000L, 10_000L);
        venue.intxCollateral("10000");
        venue.fillPrice(BTC, "50000");
        final long mid = FixedPoint.parse("50000");
        venue.quote(new MarketSnapshot(BTC, mid - 1_000_000L, FixedPoint.SCALE, mid + 1_000_000L, FixedPoint.SCALE, mid,
            mid, mid, FixedPoint.SCALE, List.of(), List.of(), List.of()));
        final RecordingRing ring = new RecordingRing(1024);
        try (CoinbaseLiveVenue live = new CoinbaseLiveVenue(venue.baseUri(), "127.0.0.1", venue.userChannelUri(),
            TestKeys.credentials(key)))
        {
            live.engineView(new PerpetualAccountTerms(new long[] {5 * FixedPoint.SCALE}, new boolean[] {true}), id -> 0);
            live.start(ring.ring(), instruments, "prg-terms-");
            final OrderCommand buy = new OrderCommand();
            buy.set(OrderCommand.NEW, OrderType.MARKET.ordinal(), 1, 0, Side.BUY, FixedPoint.parse("0.01"), 0, 0);
            live.send(buy);
            Await.until("the 0.01 position", WAIT, () -> "0.01".equals(venue.intxNetSize(BTC)));
        }
        final String portfolio = client.get(IntxPositionCheck.PORTFOLIOS, (status, json) -> json).join()
            .path("portfolios").get(0).path("uuid").asText();
        final JsonNode position = client.get(IntxPositionCheck.POSITIONS + portfolio + "/" + BTC, (status, json) -> json)
            .join().path("position");
        assertThat(position.path("margin_type").asText()).as(position.toString()).isEqualTo("MARGIN_TYPE_ISOLATED");
        assertThat(position.path("leverage").asText()).as(position.toString()).isEqualTo("5");
    }
}
