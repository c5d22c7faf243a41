package dev.peregrine.gateway.coinbase.intx;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.metrics.SingleWriterCounter;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJwtSigner;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderClient;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderRequest;
import dev.peregrine.gateway.coinbase.orders.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The position check against the emulator over loopback: a BTC-PERP-INTX market buy of 0.01 opens a long of 0.01 at
 * the venue; the check finds the portfolio in the portfolio list, reads the INTX positions and agrees with an engine
 * holding 0.01; an engine holding nothing is one mismatch, logged once and counted once.
 */
class IntxPositionCheckTest
{
    private static final String BTC = "BTC-PERP-INTX";
    /** 0.01 FixedPoint. */
    private static final long ONE_HUNDREDTH = 1_000_000L;

    private final KeyPair key = TestKeys.ed25519();
    private final CoinbaseVenueEmulator venue = new CoinbaseVenueEmulator(key.getPublic(), TestKeys.KEY_NAME, "127.0.0.1").start();
    private final CoinbaseOrderClient client = new CoinbaseOrderClient(venue.baseUri(), "127.0.0.1",
        new CoinbaseJwtSigner(TestKeys.credentials(key)), Duration.ofSeconds(10), Duration.ofSeconds(5));
    private final SingleWriterCounter mismatches = new SingleWriterCounter("mismatches");
    private final List<String> log = new ArrayList<>();

    @AfterEach
    void stop()
    {
        venue.close();
    }

    @Test
    void theVenuesPositionEqualToTheEnginesIsNoMismatch() throws Exception
    {
        buyOneHundredth();

        assertThat(check(ONE_HUNDREDTH)).isZero();
        assertThat(mismatches.get()).isZero();
        assertThat(log).singleElement().asString().contains("equal the engine's");
    }

    @Test
    void aDifferentEnginePositionIsOneMismatchLoggedAndCounted() throws Exception
    {
        buyOneHundredth();

        assertThat(check(0)).isEqualTo(1);
        assertThat(mismatches.get()).isEqualTo(1);
        assertThat(log).containsExactly("INTX position mismatch: BTC-PERP-INTX venue net_size 0.01, engine position 0 " +
            "(the engine keeps its own; check the venue)");
    }

    private void buyOneHundredth()
    {
        venue.fillPrice(BTC, "50000");
        assertThat(client.create(IntxOrderTerms.apply(CoinbaseOrderRequest.market("k-1", BTC, Side.BUY, ONE_HUNDREDTH)))
            .join().success()).isTrue();
        assertThat(venue.intxNetSize(BTC)).isEqualTo("0.01");
    }

    private int check(final long enginePosition) throws InterruptedException
    {
        // instrument 3 is BTC-PERP-INTX here; reconciliation already done; no settling wait
        return new IntxPositionCheck(client, List.of(new IntxPositionCheck.Perpetual(3, BTC)),
            id -> id == 3 ? enginePosition : Long.MIN_VALUE, () -> 0, mismatches, null, log::add, 0).check();
    }
}
