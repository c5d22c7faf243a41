package dev.peregrine.gateway.binanceusdm.orders;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.LiquidationFlags;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.gateway.binance.BinanceKeyVerification;
import dev.peregrine.gateway.binance.orders.BinanceCredentials;
import dev.peregrine.gateway.binanceusdm.UsdmProducts;
import dev.peregrine.gateway.binanceusdm.emulator.BinanceUsdmEmulator;
import dev.peregrine.gateway.binance.emulator.BinanceEmulatorKey;
import dev.peregrine.gateway.binance.emulator.SignedRequests;
import dev.peregrine.gateway.binanceusdm.sim.UsdmSimulatedExchange;
import dev.peregrine.gateway.testing.Await;
import dev.peregrine.gateway.testing.RecordingRing;
import dev.peregrine.gateway.venue.KeyVerification;
import dev.peregrine.gateway.venue.RecoveredOrder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The USD-M live order path against the emulator plugged into the simulated USD-M market (funding every second), over
 * real HTTP and the listen key's WebSocket on loopback: leverage set at start, a fill with its commission, reduce-only
 * closing and refused, each funding the market settles on the position as a FUNDING_SETTLEMENT with the amount the
 * venue booked, and a restart that settles an order filled while the engine was down and cancels an orphan.
 */
class UsdmLiveVenueEmulatorTest
{
    private static final String API_KEY = "Qm3Rt7Yz1Xc5Vb9Nk2Lp6Hf0Dj4Sg8Aw3Ee7Ti1Uo5Pl9Mn2Bv6Cx0Zq4Wr8Ky2";
    private static final String SECRET = "Hs2Jd6Kf0Lg4Za8Xc1Vb5Nm9Qw3Er7Ty1Ui5Op9As3Df7Gh1Jk5Lz9Xc3Vb7Nm1";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final BinanceUsdmEmulator emulator = new BinanceUsdmEmulator(BinanceEmulatorKey.hmac(API_KEY, SECRET),
        System::currentTimeMillis);
    private final UsdmSimulatedExchange exchange = UsdmSimulatedExchange.generated(List.of("BTCUSDT"), 11,
        UsdmProducts.CATALOG, Duration.ofSeconds(1), 0).withTradingApi(emulator, emulator).start();
    private final InstrumentRegistry instruments = UsdmProducts.CATALOG.registryFor(List.of("BTCUSDT"));
    private final RecordingRing ring = new RecordingRing(1024);
    private UsdmLiveVenue venue;

    @AfterEach
    void close()
    {
        if (venue != null)
        {
            venue.close();
        }
        exchange.close();
    }

    private UsdmLiveVenue start(final List<RecoveredOrder> recovered)
    {
        Await.until("a market to trade against", WAIT, () -> exchange.market().bestAsk("BTCUSDT") != null);
        final UsdmLiveVenue started = new UsdmLiveVenue(exchange.restBase(), exchange.streamBase(),
            BinanceCredentials.of(API_KEY, SECRET, "test"), new UsdmAccountSettings(Map.of("BTCUSDT", 5), 1, "CROSSED"));
        started.start(ring.ring(), instruments, "prg-t1-", recovered);
        return started;
    }

    private static OrderCommand market(final long id, final int side, final String quantity, final boolean reduceOnly)
    {
        final OrderCommand command = new OrderCommand();
        command.set(OrderCommand.NEW, OrderType.MARKET.ordinal(), id, 0, side, FixedPoint.parse(quantity), 0, 0);
        command.reduceOnly = reduceOnly;
        return command;
    }

    private boolean has(final int type, final long orderId)
    {
        return ring.drain().stream().anyMatch(e -> e.type == type && e.orderId == orderId);
    }

    private InboundEvent first(final int type, final long orderId)
    {
        return ring.drain().stream().filter(e -> e.type == type && e.orderId == orderId).findFirst().orElseThrow();
    }

    @Test
    void ordersFillReduceOnlyClosesAndFundingComesAsASettlement()
    {
        venue = start(List.of());
        assertThat(emulator.leverageOf("BTCUSDT")).isEqualTo(5);
        assertThat(emulator.userStreamConnections()).isEqualTo(1);

        venue.send(market(1, Side.BUY, "0.010", false));
        Await.until("the fill of order 1", WAIT, () -> has(EventType.VENUE_FILL, 1));
        final InboundEvent fill = first(EventType.VENUE_FILL, 1);
        assertThat(fill.quantity).isEqualTo(FixedPoint.parse("0.01"));
        // taker 0.05% of 0.01 x the fill price, in USDT
        final BigDecimal price = BigDecimal.valueOf(fill.price, 8);
        assertThat(fill.fee).isEqualTo(price.multiply(new BigDecimal("0.01")).multiply(new BigDecimal("0.0005"))
            .setScale(8, RoundingMode.HALF_UP).unscaledValue().longValueExact());
        assertThat(emulator.positionAmount("BTCUSDT")).isEqualTo("0.01");

        Await.until("a funding settlement", WAIT, () -> has(EventType.FUNDING_SETTLEMENT, 0));
        assertThat(first(EventType.FUNDING_SETTLEMENT, 0).instrumentId).isZero();

        venue.send(market(2, Side.SELL, "0.010", true));
        Await.until("the reduce-only fill", WAIT, () -> has(EventType.VENUE_FILL, 2));
        assertThat(emulator.positionAmount("BTCUSDT")).isEqualTo("0");
        // every funding the position paid or received, as the venue booked it (its income rows are received amounts)
        Await.until("the settlements add up to the venue's funding income", WAIT, () -> ring.drain().stream()
            .filter(e -> e.type == EventType.FUNDING_SETTLEMENT).mapToLong(e -> e.fee).sum() ==
            -FixedPoint.parse(emulator.incomeTotal("FUNDING_FEE").toPlainString()));
        venue.send(market(3, Side.SELL, "0.010", true));
        Await.until("the reduce-only refusal", WAIT, () -> has(EventType.VENUE_REJECTED, 3));
        assertThat(emulator.requests("/fapi/v1/order")).isEqualTo(3);
    }

    /**
     * The venue liquidates the short (the test moves its mark to 2,000,000: the loss exceeds the 10,000 wallet): its
     * {@code autoclose-} fill comes as a LIQUIDATION of our own position, a BUY of 0.01 at the mark, fee = the taker
     * 0.05 % of 0.01 x 2,000,000 = 10 (the emulator charges the taker rate on its liquidation fill).
     */
    @Test
    void theVenuesLiquidationOfOurPositionComesAsAnOwnPositionLiquidation()
    {
        venue = start(List.of());
        venue.send(market(1, Side.SELL, "0.010", false));
        Await.until("the fill of order 1", WAIT, () -> has(EventType.VENUE_FILL, 1));

        emulator.markTo("BTCUSDT", new BigDecimal("2000000"));
        assertThat(emulator.liquidations()).isEqualTo(1);
        Await.until("the liquidation", WAIT, () -> ring.drain().stream().anyMatch(e -> e.type == EventType.LIQUIDATION));
        final InboundEvent liquidation = ring.drain().stream().filter(e -> e.type == EventType.LIQUIDATION).findFirst()
            .orElseThrow();
        assertThat(liquidation.flags).isEqualTo(LiquidationFlags.OWN_POSITION);
        assertThat(liquidation.instrumentId).isZero();
        assertThat(liquidation.side).isEqualTo(Side.BUY);
        assertThat(liquidation.quantity).isEqualTo(FixedPoint.parse("0.01"));
        assertThat(liquidation.price).isEqualTo(FixedPoint.parse("2000000"));
        assertThat(liquidation.fee).isEqualTo(FixedPoint.parse("10"));
        assertThat(venue.liquidationsPublished()).isEqualTo(1);
        assertThat(emulator.positionAmount("BTCUSDT")).isEqualTo("0");
    }

    @Test
    void aRestartSettlesWhatFilledWhileDownCancelsAnOrphanAndReadsThePosition()
    {
        venue = start(List.of());
        // a resting buy 10% under the market, rounded to the 0.10 tick
        final long limit = exchange.market().bestBid("BTCUSDT").multiply(new BigDecimal("0.9"))
            .setScale(1, RoundingMode.DOWN).movePointRight(8).longValueExact();
        final OrderCommand resting = new OrderCommand();
        resting.set(OrderCommand.NEW, OrderType.LIMIT.ordinal(), 1, 0, Side.BUY, FixedPoint.parse("0.01"), limit, 0);
        venue.send(resting);
        Await.until("order 1 accepted", WAIT, () -> has(EventType.VENUE_ACCEPTED, 1));
        venue.close(); // the engine dies: no cancel goes out

        emulator.fillResting("BTCUSDT", "prg-t1-1", "0.01");
        // an order of this journal the core never recorded open: an orphan
        final SignedRequests signer = SignedRequests.hmac(API_KEY, SECRET, System::currentTimeMillis);
        assertThat(emulator.answer(signer.body("POST", "/fapi/v1/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
            "timeInForce", "GTC", "quantity", "0.01", "price", FixedPoint.toString(limit), "newClientOrderId", "prg-t1-7"))
            .status()).isEqualTo(200);
        ring.clear();

        venue = start(List.of(new RecoveredOrder(1, 0, Side.BUY, OrderType.LIMIT, FixedPoint.parse("0.01"), limit, true,
            0, 0, 0, 0)));

        Await.until("order 1's fill while down", WAIT, () -> has(EventType.VENUE_FILL, 1));
        assertThat(first(EventType.VENUE_FILL, 1).quantity).isEqualTo(FixedPoint.parse("0.01"));
        assertThat(first(EventType.VENUE_FILL, 1).price).isEqualTo(limit);
        Await.until("reconciled", WAIT, () -> venue.awaitingReconcile() == 0);
        assertThat(venue.orphansCancelled()).isEqualTo(1);
        assertThat(emulator.statusOf("BTCUSDT", "prg-t1-7")).isEqualTo("CANCELED");
        assertThat(venue.venuePositionsAtStart()).containsEntry("BTCUSDT", "0.01");
    }

    @Test
    void verifyKeysReadsTheFuturesAccountAndRefusesAWrongSecret()
    {
        final java.util.List<String> passed = new java.util.ArrayList<>();
        final KeyVerification good = BinanceKeyVerification.verify(null,
            Map.of(BinanceCredentials.ENV_API_KEY, API_KEY, BinanceCredentials.ENV_SECRET, SECRET), exchange.restBase(),
            UsdmRest.PATHS, Duration.ofSeconds(5), passed::add);
        assertThat(good.verdict()).as(good.line()).isEqualTo(KeyVerification.Verdict.USABLE);
        assertThat(good.line()).contains("GET /fapi/v2/account answered 200");
        final KeyVerification bad = BinanceKeyVerification.verify(null,
            Map.of(BinanceCredentials.ENV_API_KEY, API_KEY, BinanceCredentials.ENV_SECRET, SECRET.replace('H', 'h')),
            exchange.restBase(), UsdmRest.PATHS, Duration.ofSeconds(5), passed::add);
        assertThat(bad.verdict()).isEqualTo(KeyVerification.Verdict.BAD_KEY);
        assertThat(emulator.authFailures()).isEqualTo(1);
    }
}
