package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.gateway.coinbase.emulator.EmulatorFault;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.resilience.FakeClock;
import dev.peregrine.gateway.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart's reconciliation against the emulator over loopback, signed with an Ed25519 key: orders the engine had
 * sent are found in the venue's list, looked up with Get Order, and the fills made while it was down are taken from
 * List Fills one by one; an order that never reached the venue is rejected.
 */
class RestartReconciliationTest
{
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final KeyPair key = TestKeys.ed25519();
    private final CoinbaseVenueEmulator venue = new CoinbaseVenueEmulator(key.getPublic(), TestKeys.KEY_NAME, "127.0.0.1").start();
    private final CoinbaseOrderClient client = new CoinbaseOrderClient(venue.baseUri(), "127.0.0.1",
        new CoinbaseJwtSigner(TestKeys.credentials(key)), Duration.ofSeconds(10), Duration.ofSeconds(5));
    private final CoinbaseOrderAdapterEmulatorTest.Recorder recorder = new CoinbaseOrderAdapterEmulatorTest.Recorder();
    private CoinbaseOrderAdapter adapter;

    @AfterEach
    void stop()
    {
        if (adapter != null)
        {
            adapter.close();
        }
        venue.close();
    }

    @Test
    void missedFillsComeOneByOneFromTheVenuesFillsAndTheStateFromGetOrder() throws Exception
    {
        final String venueId = sentBeforeTheCrash("prg-r-7");
        venue.fillResting(venueId, "0.5");  // the engine saw this one before it died
        venue.fillResting(venueId, "0.25"); // these two while it was down
        venue.fillResting(venueId, "0.125");
        venue.cancelResting(venueId);
        final FillsPage listed = client.listFills(venueId, null).get();
        assertThat(listed.fills()).hasSize(3);

        restart(adapter -> adapter.adopt(7, "prg-r-7", 1, Side.SELL, false, false, FixedPoint.parse("2"),
            FixedPoint.parse("70000"), true, FixedPoint.parse("0.5"), FixedPoint.parse("35000"), FixedPoint.parse("210"),
            Instant.now().minusSeconds(5).toString()), adapter -> adapter.adopt(8, "prg-r-8", 1, Side.BUY, true, false,
            FixedPoint.parse("1"), 0, false, 0, 0, 0, Instant.now().minusSeconds(5).toString()));

        assertThat(recorder.events()).containsExactly(
            "rejected 8 not_at_venue not at the venue after the restart",
            "fill 7 " + listed.fills().get(1).tradeId() + " qty=0.25 px=70000 fee=105 liq=1",
            "fill 7 " + listed.fills().get(0).tradeId() + " qty=0.125 px=70000 fee=52.5 liq=1",
            "cancelled 7 " + venueId);
        assertThat(venue.requests(CoinbaseOrderClient.HISTORICAL_ORDER + venueId)).isEqualTo(1);
        assertThat(venue.requests(CoinbaseOrderClient.HISTORICAL_FILLS)).isEqualTo(2);
    }

    @Test
    void anOrderFilledAsTheEngineKnewIsSettledByGetOrderWithoutAskingForFills() throws Exception
    {
        final String venueId = sentBeforeTheCrash("prg-r-9");
        venue.fillResting(venueId, "2");

        restart(adapter -> adapter.adopt(9, "prg-r-9", 1, Side.SELL, false, false, FixedPoint.parse("2"),
            FixedPoint.parse("70000"), true, FixedPoint.parse("2"), FixedPoint.parse("140000"), FixedPoint.parse("840"),
            Instant.now().minusSeconds(5).toString()));

        assertThat(recorder.events()).isEmpty();
        assertThat(venue.requests(CoinbaseOrderClient.HISTORICAL_ORDER + venueId)).isEqualTo(1);
        assertThat(venue.requests(CoinbaseOrderClient.HISTORICAL_FILLS)).isZero();
    }

    @Test
    void aVenueThatFailsGetOrderIsAskedAgainAndNothingIsReportedTwice() throws Exception
    {
        final String venueId = sentBeforeTheCrash("prg-r-4");
        venue.fillResting(venueId, "1");
        venue.injectFault(EmulatorFault.SERVER_ERROR, CoinbaseOrderClient.HISTORICAL_ORDER + venueId, 2);

        restart(adapter -> adapter.adopt(4, "prg-r-4", 1, Side.SELL, false, false, FixedPoint.parse("2"),
            FixedPoint.parse("70000"), true, 0, 0, 0, Instant.now().minusSeconds(5).toString()));

        assertThat(recorder.events()).hasSize(1).allMatch(e -> e.startsWith("fill 4 ") && e.contains(" qty=1 px=70000 "));
        assertThat(venue.requests(CoinbaseOrderClient.HISTORICAL_ORDER + venueId)).isGreaterThanOrEqualTo(2);
    }

    /** A resting limit sell of 2 BTC-USD at 70000, accepted by the venue before the engine died. */
    private String sentBeforeTheCrash(final String clientOrderId) throws Exception
    {
        final CreateOrderResult created = client.create(CoinbaseOrderRequest.limit(clientOrderId, "BTC-USD", Side.SELL,
            FixedPoint.parse("2"), FixedPoint.parse("70000"), false)).get();
        assertThat(created.success()).as(created.toString()).isTrue();
        return venue.orderIdFor(clientOrderId);
    }

    @SafeVarargs
    private void restart(final java.util.function.Consumer<CoinbaseOrderAdapter>... adoptions)
    {
        final FakeClock clock = new FakeClock();
        adapter = new CoinbaseOrderAdapter(client, recorder, id -> id == 1 ? "BTC-USD" : null,
            new CoinbaseOrderAdapter.Config(30, 30, 3, 5_000_000_000L, 64, false), new OrderAdapterMetrics(), clock);
        for (final java.util.function.Consumer<CoinbaseOrderAdapter> adoption : adoptions)
        {
            adoption.accept(adapter);
        }
        adapter.start();
        Await.until("reconciled", WAIT, () ->
        {
            clock.advanceMillis(2_000); // past the retry pause of a failed read
            return adapter.awaitingReconcile() == 0;
        });
    }
}
