package dev.peregrine.core.engine;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.testing.TestEvents;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The same inputs give the same outputs and state; a different input gives a different digest. */
class DeterminismTest
{
    /** Trading every cross (no minimum holding time): 20 s of events give many outputs to digest. */
    private static final EngineSettings SETTINGS = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 1000).withMinHold(0);

    private static long[] run(final long seed, final int perturbAt)
    {
        final OutputDigest digest = new OutputDigest();
        final TradingCore core = CoreAssembly.build(TestProducts.CATALOG, SETTINGS, digest, new CoreMetrics(2), new TradingSwitch());
        final TestEvents events = new TestEvents();
        final SplittableRandom random = new SplittableRandom(seed);
        final double[] mid = {65000, 1900};
        for (int i = 0; i < 20_000; i++)
        {
            final int instrument = random.nextInt(2);
            mid[instrument] *= 1 + (random.nextDouble() - 0.5) * 0.002;
            final long price = FixedPoint.floorToIncrement(FixedPoint.fromDouble(mid[instrument]), FixedPoint.parse("0.01"));
            final long tick = FixedPoint.parse("0.01");
            if (random.nextInt(3) == 0 && i != perturbAt)
            {
                final var e = events.quote(instrument, "1", "1", "1", "1");
                e.bidPrice = price - tick;
                e.askPrice = price + tick;
                e.bidQuantity = FixedPoint.parse("0.5");
                e.askQuantity = FixedPoint.parse("0.5");
                core.onEvent(e, i, true);
            }
            else
            {
                final var e = events.trade(instrument, "1", "0.01", random.nextBoolean() ? Side.BUY : Side.SELL);
                e.price = i == perturbAt ? price + tick : price;
                core.onEvent(e, i, true);
            }
        }
        return new long[]{digest.value(), core.stateHash(), digest.outputCount()};
    }

    @Test
    void sameInputsSameDigestAndStateHash()
    {
        final long[] first = run(11, -1);
        final long[] second = run(11, -1);
        assertThat(first[2]).as("the run must trade for the digest to mean anything").isGreaterThan(20);
        assertThat(second).containsExactly(first);
    }

    /** The last input differs by one tick: the state must say so (an earlier one can age out of every window). */
    @Test
    void oneDifferentInputChangesTheState()
    {
        final long[] base = run(11, -1);
        final long[] perturbed = run(11, 19_999);
        assertThat(perturbed[1]).isNotEqualTo(base[1]);
    }
}
