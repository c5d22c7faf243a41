package dev.peregrine.gateway.binance.orders;

import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.gateway.binance.emulator.BinanceEmulatorFault;
import dev.peregrine.gateway.binance.emulator.BinanceEmulatorKey;
import dev.peregrine.gateway.binance.emulator.BinanceSpotEmulator;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.VenueRejectReason;
import dev.peregrine.gateway.sim.binance.BinanceSimulatedExchange;
import dev.peregrine.gateway.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter, the REST client and the user data stream (the WebSocket API's subscription) against the emulated Binance over real loopback sockets. */
class BinanceOrderAdapterEmulatorTest
{
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String API_KEY = "peregrine-test-key";
    private static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final int BTC = 1;

    /** Wall-clock time plus what a test adds to it: venue and client read the same clock. */
    private final AtomicLong skew = new AtomicLong();
    private final RecordingVenueListener recorder = new RecordingVenueListener();
    private BinanceSimulatedExchange exchange;
    private BinanceSpotEmulator emulator;
    private BinanceOrderClient client;
    private BinanceOrderAdapter adapter;
    private BinanceUserStreamClient stream;

    private long now()
    {
        return System.currentTimeMillis() + skew.get();
    }

    private void start(final BinanceEmulatorKey key, final BinanceCredentials credentials, final List<RecoveredOne> recovered)
        throws Exception
    {
        if (exchange == null)
        {
            emulator = new BinanceSpotEmulator(key, this::now);
            exchange = BinanceSimulatedExchange.generated(List.of("BTCUSDT"), 7).withTradingApi(emulator).start();
            Await.until("a market to trade against", WAIT, () -> exchange.market().bestBid("BTCUSDT") != null);
        }
        client = new BinanceOrderClient(exchange.restBase(), credentials, Duration.ofMillis(800), Duration.ofSeconds(2),
            this::now);
        adapter = new BinanceOrderAdapter(client, recorder, id -> id == BTC ? "BTCUSDT" : null,
            new BinanceOrderAdapter.Config(30, 30, 3, TimeUnit.SECONDS.toNanos(5), 64, false), new OrderAdapterMetrics(),
            System::nanoTime, this::now);
        for (final RecoveredOne o : recovered)
        {
            adapter.adopt(o.orderId, o.clientOrderId, BTC, Side.BUY, OrderType.MARKET, FixedPoint.parse(o.quantity), 0,
                false, 0);
        }
        // The stream host alone: the client subscribes on its WebSocket API path.
        stream = new BinanceUserStreamClient(exchange.streamBase(), credentials, this::now, adapter::onExecutionReport, WAIT);
        stream.start();
        adapter.start();
    }

    private void startHmac() throws Exception
    {
        start(BinanceEmulatorKey.hmac(API_KEY, SECRET), BinanceCredentials.of(API_KEY, SECRET, "test"), List.of());
    }

    private record RecoveredOne(long orderId, String clientOrderId, String quantity)
    {
    }

    @AfterEach
    void stop()
    {
        if (stream != null)
        {
            stream.close();
        }
        if (adapter != null)
        {
            adapter.close();
        }
        if (exchange != null)
        {
            exchange.close();
        }
    }

    @Test
    void aMarketOrderIsAcceptedAndFilledOnceThroughTheUserDataStream() throws Exception
    {
        startHmac();

        assertThat(adapter.submit(order(1, Side.BUY, "0.01", 0), "prg-t-1")).isTrue();
        Await.until("the fill", WAIT, () -> recorder.has("fill 1"));

        final long venueId = emulator.orderIdFor("BTCUSDT", "prg-t-1");
        assertThat(recorder.lines().get(0)).isEqualTo("accepted 1 " + venueId);
        assertThat(recorder.lines()).filteredOn(line -> line.startsWith("fill 1")).hasSize(1)
            .allMatch(line -> line.contains(" 0.01 @ ") && line.endsWith("taker"));
        assertThat(emulator.createsFor("prg-t-1")).isEqualTo(1);
        assertThat(new BigDecimal(emulator.netFilled("BTCUSDT"))).isEqualByComparingTo("0.01");
        assertThat(emulator.authFailures()).isZero();
    }

    @Test
    void anEd25519KeyTradesAndARestingLimitIsCancelledByItsClientOrderId() throws Exception
    {
        final KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        start(BinanceEmulatorKey.ed25519(API_KEY, pair.getPublic()),
            BinanceCredentials.of(API_KEY, BinanceCredentialsTest.pem(pair), "test"), List.of());
        final long farBelow = FixedPoint.parse(exchange.market().bestBid("BTCUSDT").multiply(new BigDecimal("0.9"))
            .setScale(2, java.math.RoundingMode.DOWN).toPlainString());

        adapter.submit(order(2, Side.BUY, "0.01", farBelow), "prg-t-2");
        Await.until("accepted", WAIT, () -> recorder.has("accepted 2"));
        adapter.cancel(2);
        Await.until("cancelled", WAIT, () -> recorder.has("cancelled 2"));

        assertThat(recorder.lines()).containsExactly("accepted 2 " + emulator.orderIdFor("BTCUSDT", "prg-t-2"), "cancelled 2");
        assertThat(emulator.statusOf("BTCUSDT", "prg-t-2")).isEqualTo("CANCELED");
    }

    /** The core's LIMIT_FOK goes out as {@code type=LIMIT&timeInForce=FOK}: filled whole when it crosses, else expired. */
    @Test
    void aFillOrKillLimitIsSentAsFokAndIsFilledWholeOrExpired() throws Exception
    {
        startHmac();
        final BigDecimal ask = exchange.market().bestAsk("BTCUSDT");
        final long through = FixedPoint.parse(ask.multiply(new BigDecimal("1.1")).setScale(2, java.math.RoundingMode.UP)
            .toPlainString());
        final long short_ = FixedPoint.parse(ask.multiply(new BigDecimal("0.9")).setScale(2, java.math.RoundingMode.DOWN)
            .toPlainString());

        adapter.submit(fok(6, "0.01", through), "prg-t-6");
        adapter.submit(fok(7, "0.01", short_), "prg-t-7");
        Await.until("fill and expiry", WAIT, () -> recorder.has("fill 6") && recorder.has("cancelled 7"));

        assertThat(emulator.statusOf("BTCUSDT", "prg-t-6")).isEqualTo("FILLED");
        assertThat(emulator.statusOf("BTCUSDT", "prg-t-7")).isEqualTo("EXPIRED");
        for (final String id : List.of("prg-t-6", "prg-t-7"))
        {
            final BinanceAnswer query = client.queryOrder("BTCUSDT", id).get(5, TimeUnit.SECONDS);
            assertThat(query.text("type")).isEqualTo("LIMIT");
            assertThat(query.text("timeInForce")).isEqualTo("FOK");
        }
        assertThat(recorder.lines()).filteredOn(line -> line.startsWith("fill 6")).hasSize(1)
            .allMatch(line -> line.contains(" 0.01 @ "));
        assertThat(recorder.lines()).noneMatch(line -> line.startsWith("fill 7"));
        assertThat(new BigDecimal(emulator.netFilled("BTCUSDT"))).isEqualByComparingTo("0.01");
    }

    private static OrderCommand fok(final long id, final String quantity, final long price)
    {
        final OrderCommand command = new OrderCommand();
        command.set(OrderCommand.NEW, OrderType.LIMIT_FOK.ordinal(), id, BTC, Side.BUY, FixedPoint.parse(quantity), price, 0);
        return command;
    }

    @Test
    void aCreateWhoseAnswerIsLostIsSettledByAQueryAndNeverSentTwice() throws Exception
    {
        startHmac();
        stream.close(); // no stream: only the query can settle it
        emulator.injectFault(BinanceEmulatorFault.UNKNOWN_STATUS, BinanceOrderClient.ORDER, 1);

        adapter.submit(order(3, Side.BUY, "0.02", 0), "prg-t-3");
        Await.until("the fill found by the query", WAIT, () -> recorder.has("fill 3"));

        assertThat(recorder.lines().get(0)).isEqualTo("unknown 3 " + VenueRejectReason.SERVER_ERROR);
        assertThat(recorder.lines()).contains("accepted 3 " + emulator.orderIdFor("BTCUSDT", "prg-t-3"));
        assertThat(emulator.createsFor("prg-t-3")).isEqualTo(1);
    }

    @Test
    void afterARestartAMissedFillIsFoundAndAnOrderThatNeverLeftIsRejected() throws Exception
    {
        startHmac();
        // The previous process sent order 4 and died before hearing of it; order 5 it never sent.
        assertThat(client.newOrder(BinanceOrderRequest.market("prg-t-4", "BTCUSDT", Side.BUY, FixedPoint.parse("0.03")))
            .get(5, TimeUnit.SECONDS).status().httpStatus()).isEqualTo(200);
        stream.close();
        adapter.close();

        start(null, BinanceCredentials.of(API_KEY, SECRET, "test"), List.of(new RecoveredOne(4, "prg-t-4", "0.03"), new RecoveredOne(5, "prg-t-5", "0.01")));
        Await.until("order 4 reconciled", WAIT, () -> recorder.has("fill 4"));
        skew.addAndGet(BinanceReconciliation.SETTLED_AFTER_MILLIS); // no request sent before the restart can arrive now
        Await.until("order 5 reconciled", WAIT, () -> adapter.awaitingReconcile() == 0);

        assertThat(recorder.lines()).contains("accepted 4 " + emulator.orderIdFor("BTCUSDT", "prg-t-4"),
            "rejected 5 " + VenueRejectReason.NOT_AT_VENUE);
        assertThat(recorder.lines()).filteredOn(line -> line.startsWith("fill 4")).hasSize(1)
            .allMatch(line -> line.contains(" 0.03 @ "));
        assertThat(emulator.createsFor("prg-t-5")).isZero();
    }

    @Test
    void aRateLimitRejectsTheOrderUnsentAndPausesUntilRetryAfterWhileWeightIsCounted() throws Exception
    {
        startHmac();
        final BinanceAnswer weighed = client.account().get(5, TimeUnit.SECONDS);
        assertThat(weighed.status().rateLimitRemaining()).as("weight left below the limit less the reserve")
            .isBetween(0L, (long)BinanceOrderClient.WEIGHT_PER_MINUTE - 600 - 1);
        emulator.injectFault(BinanceEmulatorFault.RATE_LIMIT, BinanceOrderClient.ORDER, 1);

        adapter.submit(order(6, Side.BUY, "0.01", 0), "prg-t-6");
        Await.until("refused", WAIT, () -> recorder.has("rejected 6"));
        adapter.submit(order(7, Side.BUY, "0.01", 0), "prg-t-7");
        Await.until("the next order, after the pause", WAIT, () -> recorder.has("fill 7"));

        assertThat(recorder.lines()).startsWith("rejected 6 " + VenueRejectReason.RATE_LIMITED);
        assertThat(adapter.metrics().rateLimited.get()).isEqualTo(1);
        assertThat(adapter.metrics().throttledWaits.get()).as("order 7 waited for Retry-After").isPositive();
        assertThat(emulator.createsFor("prg-t-6")).isEqualTo(1);
        assertThat(emulator.statusOf("BTCUSDT", "prg-t-6")).as("a 429 is not processed").isNull();
    }

    private static OrderCommand order(final long id, final int side, final String quantity, final long price)
    {
        final OrderCommand command = new OrderCommand();
        command.set(OrderCommand.NEW, (price == 0 ? OrderType.MARKET : OrderType.LIMIT).ordinal(), id, BTC, side,
            FixedPoint.parse(quantity), price, 0);
        return command;
    }
}
