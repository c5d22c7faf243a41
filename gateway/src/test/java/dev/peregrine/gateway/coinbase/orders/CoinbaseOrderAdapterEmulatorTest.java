package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.gateway.coinbase.emulator.EmulatorFault;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.orders.RestStatus;
import dev.peregrine.gateway.orders.VenueRejectReason;
import dev.peregrine.gateway.orders.VenueResponseListener;
import dev.peregrine.gateway.resilience.CircuitBreaker;
import dev.peregrine.gateway.resilience.FakeClock;
import dev.peregrine.gateway.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter, the REST client and the user channel against the emulator over real loopback sockets. */
class CoinbaseOrderAdapterEmulatorTest
{
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String ORDERS = CoinbaseOrderClient.ORDERS;

    private final KeyPair pair = TestKeys.p256();
    private final FakeClock clock = new FakeClock();
    private final Recorder recorder = new Recorder();
    private CoinbaseVenueEmulator venue;
    private CoinbaseOrderClient client;
    private CoinbaseOrderAdapter adapter;
    private CoinbaseUserChannelClient user;

    @BeforeEach
    void start()
    {
        venue = new CoinbaseVenueEmulator((ECPublicKey)pair.getPublic(), TestKeys.KEY_NAME, "127.0.0.1").start();
        venue.holdMillis(1_500);
        final CoinbaseJwtSigner signer = new CoinbaseJwtSigner(TestKeys.credentials(pair));
        client = new CoinbaseOrderClient(venue.baseUri(), "127.0.0.1", signer, Duration.ofMillis(500), Duration.ofSeconds(2));
        adapter = new CoinbaseOrderAdapter(client, recorder, id -> id == 1 ? "BTC-USD" : id == 9 ? "NOPE-USD" : null,
            new CoinbaseOrderAdapter.Config(30, 30, 3, 5_000_000_000L, 64, false), new OrderAdapterMetrics(), clock);
        adapter.start();
        user = new CoinbaseUserChannelClient(venue.userChannelUri(), signer, adapter::onUserUpdate, Duration.ofSeconds(5));
        user.start();
        Await.until("user channel subscribed", WAIT, () -> venue.userSubscribers() == 1);
    }

    @AfterEach
    void stop()
    {
        user.close();
        adapter.close();
        venue.close();
    }

    @Test
    void marketOrderIsAcceptedAndFilledThroughTheUserChannel()
    {
        assertThat(adapter.submit(order(1, 1, Side.BUY, "0.5", 0), "prg-t-1")).isTrue();
        Await.until("fill", WAIT, () -> recorder.has("fill 1"));
        final String venueId = venue.orderIdFor("prg-t-1");
        assertThat(recorder.events()).containsExactly(
            "accepted 1 " + venueId,
            "fill 1 " + venueId + "-1 qty=0.5 px=65000 fee=195 liq=2");
        assertThat(venue.authFailures()).isZero();
        Await.until("REST answer counted", WAIT,
            () -> adapter.metrics().requests(OrderAdapterMetrics.Endpoint.CREATE, RequestOutcome.OK).get() == 1);
    }

    @Test
    void aFilledValueWithMoreDecimalsThanTheScaleStillGivesTheFillItsPrice()
    {
        // 0.03076924 x 64999.97 = 1999.9996769228: ten decimals, as a real size times a price in cents has.
        venue.fillPrice("BTC-USD", "64999.97");
        assertThat(adapter.submit(order(1, 1, Side.BUY, "0.03076924", 0), "prg-t-1")).isTrue();
        Await.until("fill", WAIT, () -> recorder.has("fill 1"));
        final String fill = recorder.events().stream().filter(e -> e.startsWith("fill 1")).findFirst().orElseThrow();
        final double price = Double.parseDouble(fill.replaceAll(".* px=([0-9.]+) .*", "$1"));
        assertThat(price).as(fill).isCloseTo(64999.97, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(CoinbaseAnswerHandler.quoteAmount("1999.9996769228")).isEqualTo(FixedPoint.parse("1999.99967692"));
        assertThat(CoinbaseAnswerHandler.quoteAmount("0.0000000050")).as("half-even").isEqualTo(0);
        assertThat(CoinbaseAnswerHandler.quoteAmount("12.50000000000000")).isEqualTo(FixedPoint.parse("12.5"));
        assertThat(CoinbaseAnswerHandler.quoteAmount(null)).isZero();
    }

    @Test
    void afterCloseRequestsAreRefusedSoTheCallerCanAnswerThemNotQueuedAndLost()
    {
        adapter.close();
        assertThat(adapter.submit(order(1, 1, Side.BUY, "0.5", 0), "prg-t-1")).isFalse();
        assertThat(adapter.cancel(1)).isFalse();
        assertThat(venue.requests("/api/v3/brokerage/orders")).isZero();
    }

    @Test
    void limitOrderRestsFillsInPartsAndCancels()
    {
        adapter.submit(order(2, 1, Side.SELL, "2", FixedPoint.parse("70000")), "prg-t-2");
        Await.until("accepted", WAIT, () -> recorder.has("accepted 2"));
        final String venueId = venue.orderIdFor("prg-t-2");
        assertThat(venue.statusOf(venueId)).isEqualTo("OPEN");
        venue.fillResting(venueId, "0.5");
        Await.until("partial fill", WAIT, () -> recorder.has("fill 2"));
        adapter.cancel(2);
        Await.until("cancelled", WAIT, () -> recorder.has("cancelled 2"));
        assertThat(venue.statusOf(venueId)).isEqualTo("CANCELLED");
        assertThat(recorder.events()).containsExactly(
            "accepted 2 " + venueId,
            "fill 2 " + venueId + "-1 qty=0.5 px=70000 fee=210 liq=0",
            "cancelled 2 " + venueId);
        assertThat(venue.requests(CoinbaseOrderClient.BATCH_CANCEL)).isEqualTo(1);
    }

    /** The core's LIMIT_IOC is Coinbase's sor_limit_ioc: it never rests, whatever its price. */
    @Test
    void aTradeElsewhereFillsTheRestingLimitOrdersItReachesAtTheirLimit()
    {
        assertThat(adapter.submit(order(1, 1, Side.BUY, "0.5", FixedPoint.parse("64000")), "prg-t-1")).isTrue();
        assertThat(adapter.submit(order(2, 1, Side.SELL, "0.25", FixedPoint.parse("66000")), "prg-t-2")).isTrue();
        Await.until("both accepted", WAIT, () -> recorder.has("accepted 1") && recorder.has("accepted 2"));
        assertThat(venue.tradeAt("BTC-USD", "64000.01")).as("above the bid, below the ask").isZero();
        assertThat(venue.tradeAt("ETH-USD", "1")).as("another product").isZero();
        assertThat(venue.tradeAt("BTC-USD", "64000")).isEqualTo(1);
        Await.until("bid filled", WAIT, () -> recorder.has("fill 1"));
        assertThat(venue.tradeAt("BTC-USD", "66000.5")).isEqualTo(1);
        Await.until("ask filled", WAIT, () -> recorder.has("fill 2"));
        assertThat(recorder.events()).contains(
            "fill 1 " + venue.orderIdFor("prg-t-1") + "-1 qty=0.5 px=64000 fee=192 liq=0",
            "fill 2 " + venue.orderIdFor("prg-t-2") + "-1 qty=0.25 px=66000 fee=99 liq=0");
        assertThat(venue.tradeAt("BTC-USD", "1")).as("filled orders are done").isZero();
        assertThat(venue.netFilled("BTC-USD")).isEqualTo("0.25");
        assertThat(venue.fillCount()).isEqualTo(2);
    }

    @Test
    void limitIocFillsWhenMarketableAndIsCancelledOtherwiseNeverResting()
    {
        assertThat(adapter.submit(ioc(11, Side.BUY, "0.5", "65000.01"), "prg-t-11")).isTrue();
        assertThat(adapter.submit(ioc(12, Side.BUY, "0.5", "64999.99"), "prg-t-12")).isTrue();
        Await.until("fill and cancel", WAIT, () -> recorder.has("fill 11") && recorder.has("cancelled 12"));
        final String filled = venue.orderIdFor("prg-t-11");
        final String cancelled = venue.orderIdFor("prg-t-12");
        assertThat(venue.statusOf(filled)).isEqualTo("FILLED");
        assertThat(venue.statusOf(cancelled)).isEqualTo("CANCELLED");
        assertThat(recorder.events()).contains("fill 11 " + filled + "-1 qty=0.5 px=65000 fee=195 liq=2");
    }

    /** The core's LIMIT_FOK is Coinbase's limit_limit_fok: filled whole when marketable, else cancelled with nothing. */
    @Test
    void limitFokGoesOutAsLimitLimitFokAndIsFilledWholeOrCancelled()
    {
        assertThat(adapter.submit(limitOrder(OrderType.LIMIT_FOK, 13, Side.BUY, "0.5", "65000.01"), "prg-t-13")).isTrue();
        assertThat(adapter.submit(limitOrder(OrderType.LIMIT_FOK, 14, Side.BUY, "0.5", "64999.99"), "prg-t-14")).isTrue();
        Await.until("fill and cancel", WAIT, () -> recorder.has("fill 13") && recorder.has("cancelled 14"));
        final String filled = venue.orderIdFor("prg-t-13");
        final String cancelled = venue.orderIdFor("prg-t-14");
        assertThat(venue.statusOf(filled)).isEqualTo("FILLED");
        assertThat(venue.statusOf(cancelled)).isEqualTo("CANCELLED");
        assertThat(venue.describeOrders("BTC-USD")).anyMatch(l -> l.startsWith("prg-t-13 BUY LIMIT_FOK FILLED filled 0.5"))
            .anyMatch(l -> l.startsWith("prg-t-14 BUY LIMIT_FOK CANCELLED filled 0 "));
        assertThat(recorder.events()).contains("fill 13 " + filled + "-1 qty=0.5 px=65000 fee=195 liq=2")
            .noneMatch(e -> e.startsWith("fill 14"));
    }

    private static OrderCommand ioc(final long id, final int side, final String qty, final String price)
    {
        return limitOrder(OrderType.LIMIT_IOC, id, side, qty, price);
    }

    private static OrderCommand limitOrder(final OrderType type, final long id, final int side, final String qty,
        final String price)
    {
        final OrderCommand command = new OrderCommand();
        command.set(OrderCommand.NEW, type.ordinal(), id, 1, side, FixedPoint.parse(qty), FixedPoint.parse(price), 0);
        return command;
    }

    @Test
    void venueRefusalIsARejectWithTheVenuesReason()
    {
        adapter.submit(order(3, 9, Side.BUY, "1", 0), "prg-t-3");
        Await.until("rejected", WAIT, () -> recorder.has("rejected 3"));
        assertThat(recorder.events()).containsExactly("rejected 3 venue_rejected INVALID_PRODUCT_ID");
    }

    @Test
    void previewAnswersTheDocumentedShape() throws Exception
    {
        final PreviewResult preview = client.preview(
            CoinbaseOrderRequest.market("x", "BTC-USD", Side.BUY, FixedPoint.parse("0.1"))).get();
        assertThat(preview.status().outcome()).isEqualTo(RequestOutcome.OK);
        assertThat(preview.orderTotal()).isEqualTo("6539");
        assertThat(preview.commissionTotal()).isEqualTo("39");
        assertThat(preview.errs()).isEmpty();
        assertThat(preview.previewId()).isNotBlank();
    }

    @Test
    void http429IsARejectThatSlowsTheAdapterDownVisiblyInMetrics()
    {
        venue.injectFault(EmulatorFault.RATE_LIMIT, ORDERS, 1);
        adapter.submit(order(4, 1, Side.BUY, "0.1", 0), "prg-t-4");
        Await.until("rejected", WAIT, () -> recorder.has("rejected 4"));
        assertThat(recorder.events()).containsExactly("rejected 4 rate_limited too many requests");
        final OrderAdapterMetrics m = adapter.metrics();
        Await.until("rate lowered", WAIT, () -> m.rateLimitMilli.get() == 15_000);
        assertThat(m.rateLimited.get()).isEqualTo(1);
        assertThat(m.throttleDecreases.get()).isEqualTo(1);
        assertThat(m.requests(OrderAdapterMetrics.Endpoint.CREATE, RequestOutcome.RATE_LIMITED).get()).isEqualTo(1);
        // remaining=0 with a reset: the adapter holds the next order until the venue's window resets
        adapter.submit(order(5, 1, Side.BUY, "0.1", 0), "prg-t-5");
        Await.until("held", WAIT, () -> m.throttledWaits.get() >= 1);
        assertThat(venue.createsFor("prg-t-5")).isZero();
        clock.advanceMillis(3_000);
        Await.until("sent after the reset", WAIT, () -> recorder.has("accepted 5"));
    }

    @Test
    void serverErrorStreakOpensTheBreakerWhichProbesAndCloses()
    {
        venue.injectFault(EmulatorFault.SERVER_ERROR, ORDERS, 3);
        for (int i = 10; i < 13; i++)
        {
            adapter.submit(order(i, 1, Side.BUY, "0.1", 0), "prg-t-" + i);
        }
        Await.until("three unknowns", WAIT, () -> recorder.count("unknown") == 3);
        Await.until("breaker open", WAIT, () -> adapter.breakerState() == CircuitBreaker.State.OPEN);
        adapter.submit(order(13, 1, Side.BUY, "0.1", 0), "prg-t-13");
        Await.until("fail fast", WAIT, () -> recorder.has("rejected 13 circuit_open"));
        assertThat(venue.createsFor("prg-t-13")).isZero();

        clock.advanceMillis(5_000);
        adapter.submit(order(14, 1, Side.BUY, "0.1", 0), "prg-t-14");
        Await.until("probe accepted", WAIT, () -> recorder.has("accepted 14"));
        Await.until("breaker closed", WAIT, () -> adapter.breakerState() == CircuitBreaker.State.CLOSED);
        final OrderAdapterMetrics m = adapter.metrics();
        assertThat(m.breakerOpened.get()).isEqualTo(1);
        assertThat(m.breakerHalfOpened.get()).isEqualTo(1);
        assertThat(m.breakerClosed.get()).isEqualTo(1);
        assertThat(m.breakerRejects.get()).isEqualTo(1);
        assertThat(m.breakerState.get()).isZero();
        for (int i = 10; i < 13; i++)
        {
            assertThat(venue.createsFor("prg-t-" + i)).isEqualTo(1); // 5xx: unknown, never re-sent
        }
    }

    @Test
    void timeOutAfterTheUserChannelSettledTheOrderChangesNothingAndNothingIsSentTwice()
    {
        venue.injectFault(EmulatorFault.TIMEOUT, ORDERS, 1);
        adapter.submit(order(20, 1, Side.BUY, "0.25", 0), "prg-t-20");
        Await.until("accepted via user channel", WAIT, () -> recorder.has("accepted 20"));
        final OrderAdapterMetrics m = adapter.metrics();
        Await.until("answer timed out", WAIT, () -> m.requests(OrderAdapterMetrics.Endpoint.CREATE, RequestOutcome.TIMEOUT).get() == 1);
        // The venue placed and filled it; the user channel told us before the REST answer gave up.
        assertThat(venue.createsFor("prg-t-20")).isEqualTo(1);
        assertThat(recorder.events()).filteredOn(e -> e.contains(" 20 ")).hasSize(2)
            .allMatch(e -> e.startsWith("accepted 20") || e.startsWith("fill 20"));
    }

    @Test
    void timeOutWithoutNewsIsUnknownAndNeverResent()
    {
        // The user channel is down: the time-out is all we know.
        user.close();
        Await.until("unsubscribed", WAIT, () -> venue.userSubscribers() == 0);
        venue.injectFault(EmulatorFault.TIMEOUT, ORDERS, 1);
        adapter.submit(order(21, 1, Side.BUY, "0.25", 0), "prg-t-21");
        Await.until("unknown", WAIT, () -> recorder.has("unknown 21 timeout"));
        assertThat(recorder.has("accepted 21")).isFalse();
        // A filled market order is not in the reconnect snapshot (open orders only): it stays unknown, and later orders still work.
        user = new CoinbaseUserChannelClient(venue.userChannelUri(), new CoinbaseJwtSigner(TestKeys.credentials(pair)),
            adapter::onUserUpdate, Duration.ofSeconds(5));
        user.start();
        Await.until("resubscribed", WAIT, () -> venue.userSubscribers() == 1);
        adapter.submit(order(22, 1, Side.SELL, "1", FixedPoint.parse("70000")), "prg-t-22");
        Await.until("limit accepted", WAIT, () -> recorder.has("accepted 22"));
        venue.fillResting(venue.orderIdFor("prg-t-22"), "1");
        Await.until("fill 22", WAIT, () -> recorder.has("fill 22"));
        assertThat(venue.createsFor("prg-t-21")).isEqualTo(1);
        assertThat(adapter.metrics().unknownOutcomes.get()).isEqualTo(1);
    }

    @Test
    void droppedConnectionIsUnknownAndNeverSentTwice()
    {
        // Warm a pooled connection first, so the drop hits a reused one (where a client might silently re-send).
        adapter.submit(order(29, 1, Side.BUY, "0.1", 0), "prg-t-29");
        Await.until("warm", WAIT, () -> recorder.has("accepted 29"));
        venue.injectFault(EmulatorFault.DROP_CONNECTION, ORDERS, 1);
        adapter.submit(order(30, 1, Side.BUY, "0.1", 0), "prg-t-30");
        Await.until("unknown", WAIT, () -> recorder.has("unknown 30"));
        assertThat(recorder.events()).filteredOn(e -> e.contains(" 30 ")).containsExactly(
            recorder.events().stream().filter(e -> e.startsWith("unknown 30")).findFirst().orElseThrow());
        assertThat(recorder.events()).anyMatch(e -> e.startsWith("unknown 30 connection_dropped"));
        assertThat(venue.createsFor("prg-t-30")).isEqualTo(1);
        assertThat(adapter.metrics().unknownOutcomes.get()).isEqualTo(1);
        // the venue is fine afterwards: a new order goes through
        adapter.submit(order(31, 1, Side.BUY, "0.1", 0), "prg-t-31");
        Await.until("next accepted", WAIT, () -> recorder.has("accepted 31"));
        assertThat(venue.createsFor("prg-t-30")).isEqualTo(1);
    }

    @Test
    void aWrongKeyIsRefusedByTheEmulator() throws Exception
    {
        final CoinbaseJwtSigner other = new CoinbaseJwtSigner(TestKeys.credentials(TestKeys.p256()),
            () -> System.currentTimeMillis() / 1000, new SecureRandom());
        final CoinbaseOrderClient wrong = new CoinbaseOrderClient(venue.baseUri(), "127.0.0.1", other,
            Duration.ofSeconds(2), Duration.ofSeconds(2));
        final RestStatus status = wrong.listAccounts().get();
        assertThat(status.outcome()).isEqualTo(RequestOutcome.UNAUTHORIZED);
        assertThat(venue.lastAuthFailure()).isEqualTo("bad signature");
        assertThat(client.listAccounts().get().outcome()).isEqualTo(RequestOutcome.OK);
    }

    private static OrderCommand order(final long id, final int instrument, final int side, final String qty, final long price)
    {
        final OrderCommand command = new OrderCommand();
        command.set(OrderCommand.NEW, (price == 0 ? OrderType.MARKET : OrderType.LIMIT).ordinal(), id, instrument, side,
            FixedPoint.parse(qty), price, 0);
        return command;
    }

    /** Records listener calls as text, in order; written by the adapter thread, read by the test. */
    static final class Recorder implements VenueResponseListener
    {
        private final List<String> events = new ArrayList<>();

        synchronized List<String> events()
        {
            return new ArrayList<>(events);
        }

        synchronized boolean has(final String prefix)
        {
            return events.stream().anyMatch(e -> e.startsWith(prefix));
        }

        synchronized long count(final String prefix)
        {
            return events.stream().filter(e -> e.startsWith(prefix)).count();
        }

        private synchronized void add(final String event)
        {
            events.add(event);
        }

        @Override
        public void onAccepted(final long orderId, final String venueOrderId)
        {
            add("accepted " + orderId + " " + venueOrderId);
        }

        @Override
        public void onRejected(final long orderId, final int reason, final String detail)
        {
            add("rejected " + orderId + " " + VenueRejectReason.name(reason) + " " + detail);
        }

        @Override
        public void onUnknown(final long orderId, final int reason, final String detail)
        {
            add("unknown " + orderId + " " + VenueRejectReason.name(reason) + " " + detail);
        }

        @Override
        public void onCancelled(final long orderId, final String venueOrderId)
        {
            add("cancelled " + orderId + " " + venueOrderId);
        }

        @Override
        public void onCancelRejected(final long orderId, final String reason)
        {
            add("cancel_rejected " + orderId + " " + reason);
        }

        @Override
        public void onFill(final long orderId, final String tradeId, final long quantity, final long price, final long fee,
            final int liquidity)
        {
            add("fill " + orderId + " " + tradeId + " qty=" + FixedPoint.toString(quantity) + " px=" +
                FixedPoint.toString(price) + " fee=" + FixedPoint.toString(fee) + " liq=" + liquidity);
        }
    }
}
