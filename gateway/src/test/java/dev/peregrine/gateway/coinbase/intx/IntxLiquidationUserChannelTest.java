package dev.peregrine.gateway.coinbase.intx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.LiquidationFlags;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.coinbase.CoinbaseLiveVenue;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJwtSigner;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderClient;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderRequest;
import dev.peregrine.gateway.coinbase.orders.CoinbaseUserChannelClient;
import dev.peregrine.gateway.coinbase.orders.TestKeys;
import dev.peregrine.gateway.coinbase.orders.UserOrderUpdate;
import dev.peregrine.gateway.sim.MarketSnapshot;
import dev.peregrine.gateway.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulator's INTX liquidation as a client sees it over real sockets: the venue's own market order closing the
 * position arrives on the {@code user} WebSocket, FILLED, with its fill totals, and Get Order flags it
 * {@code is_liquidation}; and a live venue told of it checks the positions again and counts the mismatch.
 *
 * <p>Collateral 1,000 USDC; a 10x buy of 0.1 BTC-PERP-INTX at 50,000 (notional 5,000, initial margin 500, fee
 * 0.6% = 30: equity 970). The mark moves to 41,000: unrealized (41,000 - 50,000) x 0.1 = -900, equity 70, below the
 * maintenance margin 4,100 x 0.0667 = 273.33: the venue sells 0.1 at the mark.
 */
class IntxLiquidationUserChannelTest
{
    private static final String BTC = "BTC-PERP-INTX";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final KeyPair key = TestKeys.ed25519();
    private final CoinbaseVenueEmulator venue = new CoinbaseVenueEmulator(key.getPublic(), TestKeys.KEY_NAME, "127.0.0.1").start();
    private final CoinbaseJwtSigner signer = new CoinbaseJwtSigner(TestKeys.credentials(key));
    private final CoinbaseOrderClient client = new CoinbaseOrderClient(venue.baseUri(), "127.0.0.1", signer,
        Duration.ofSeconds(10), Duration.ofSeconds(5));
    private final ConcurrentLinkedQueue<UserOrderUpdate> updates = new ConcurrentLinkedQueue<>();
    private final CoinbaseUserChannelClient user = new CoinbaseUserChannelClient(venue.userChannelUri(), signer, updates::add,
        Duration.ofSeconds(5));

    @AfterEach
    void stop()
    {
        user.close();
        venue.close();
    }

    @Test
    void aLiquidationIsTheVenuesFilledOrderOnTheUserChannel()
    {
        user.start();
        Await.until("user channel subscribed", WAIT, () -> venue.userSubscribers() == 1);
        venue.intxCollateral("1000");
        venue.fillPrice(BTC, "50000");
        quoteMid("50000");
        final CoinbaseOrderRequest buy = new IntxOrderTerms(new long[] {10 * FixedPoint.SCALE})
            .apply(CoinbaseOrderRequest.market("liq-1", BTC, Side.BUY, 10_000_000L), 0);
        assertThat(client.create(buy).join().success()).isTrue();
        assertThat(venue.intxNetSize(BTC)).isEqualTo("0.1");

        quoteMid("41000");

        Await.until("the liquidation on the user channel", WAIT, () -> liquidation() != null);
        final UserOrderUpdate closed = liquidation();
        assertThat(closed.productId()).isEqualTo(BTC);
        assertThat(closed.orderSide()).isEqualTo("SELL");
        assertThat(closed.status()).isEqualTo("FILLED");
        assertThat(closed.cumulativeQuantity()).isEqualTo("0.1");
        assertThat(closed.numberOfFills()).isEqualTo("1");
        assertThat(closed.avgPrice()).startsWith("41000");
        assertThat(venue.intxNetSize(BTC)).isEqualTo("0");
        assertThat(venue.intxLiquidations()).isEqualTo(1);
        final JsonNode order = client.get(CoinbaseOrderClient.HISTORICAL_ORDER + closed.orderId(), (status, json) -> json)
            .join().get("order");
        assertThat(order.get("is_liquidation").asBoolean()).as(order.toString()).isTrue();
        assertThat(order.get("product_type").asText()).isEqualTo("FUTURE");
    }

    /**
     * A live Coinbase venue whose engine holds the 0.1 long: the venue's liquidation order arrives on its user
     * channel, it publishes one OWN_POSITION LIQUIDATION into the ring and checks the INTX positions again; this
     * test's engine view stays at 0.1 (no core consumes the ring here), so that is one mismatch, counted (after the
     * check's 5 s of waiting for the engine to catch up).
     */
    @Test
    void aLiveVenueCountsTheLiquidationAsAPositionMismatch()
    {
        final AtomicLong engine = new AtomicLong();
        final InstrumentRegistry instruments = new InstrumentRegistry();
        instruments.register(BTC, 1_000_000L, 10_000L);
        try (CoinbaseLiveVenue live = new CoinbaseLiveVenue(venue.baseUri(), "127.0.0.1", venue.userChannelUri(),
            TestKeys.credentials(key)))
        {
            live.engineView(new long[] {10 * FixedPoint.SCALE}, id -> engine.get());
            final RingBuffer<InboundEvent> ring = RingBuffer.createMultiProducer(InboundEvent::new, 1024);
            live.start(ring, instruments, "prg-test-");
            Await.until("live user channel subscribed", WAIT, () -> venue.userSubscribers() == 1);
            venue.intxCollateral("1000");
            venue.fillPrice(BTC, "50000");
            quoteMid("50000");
            engine.set(10_000_000L); // the engine holds 0.1, as the venue will
            assertThat(client.create(new IntxOrderTerms(new long[] {10 * FixedPoint.SCALE})
                .apply(CoinbaseOrderRequest.market("ext-1", BTC, Side.BUY, 10_000_000L), 0)).join().success()).isTrue();

            quoteMid("41000");

            Await.until("the mismatch counted", Duration.ofSeconds(30), () -> live.metrics().positionMismatches.get() > 0);
            assertThat(venue.intxLiquidations()).isEqualTo(1);
            assertThat(live.metrics().positionMismatches.get()).isEqualTo(1);
            // The liquidation is also a journaled input: one OWN_POSITION LIQUIDATION, SELL 0.1 at 41,000, fee
            // 0.1 x 41,000 x 0.006 = 24.6 (the emulator's taker rate, as for the buy's 30 on 5,000).
            final List<InboundEvent> liquidations = ownLiquidations(ring);
            assertThat(liquidations).hasSize(1);
            final InboundEvent liquidation = liquidations.get(0);
            assertThat(liquidation.instrumentId).isEqualTo(instruments.idOf(BTC));
            assertThat(liquidation.side).isEqualTo(Side.SELL);
            assertThat(liquidation.quantity).isEqualTo(FixedPoint.parse("0.1"));
            assertThat(liquidation.price).isEqualTo(FixedPoint.parse("41000"));
            assertThat(liquidation.fee).isEqualTo(FixedPoint.parse("24.6"));
        }
    }

    private static List<InboundEvent> ownLiquidations(final RingBuffer<InboundEvent> ring)
    {
        final List<InboundEvent> found = new java.util.ArrayList<>();
        for (long sequence = 0; sequence <= ring.getCursor(); sequence++)
        {
            final InboundEvent event = ring.get(sequence);
            if (event.type == EventType.LIQUIDATION && event.flags == LiquidationFlags.OWN_POSITION)
            {
                found.add(event);
            }
        }
        return found;
    }

    private UserOrderUpdate liquidation()
    {
        for (final UserOrderUpdate u : updates)
        {
            if (u.clientOrderId() != null && u.clientOrderId().startsWith("liquidation-") && "FILLED".equals(u.status()))
            {
                return u;
            }
        }
        return null;
    }

    private void quoteMid(final String mid)
    {
        final long price = FixedPoint.parse(mid);
        venue.quote(new MarketSnapshot(BTC, price - 1_000_000L, FixedPoint.SCALE, price + 1_000_000L, FixedPoint.SCALE, price,
            price, price, FixedPoint.SCALE, List.of(), List.of(), List.of()));
    }
}
