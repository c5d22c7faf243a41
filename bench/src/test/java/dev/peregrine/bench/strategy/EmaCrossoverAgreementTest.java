package dev.peregrine.bench.strategy;

import org.junit.jupiter.api.Test;

/** Peregrine and ta4j, given the same bars and rules, trade on exactly the same bars. */
class EmaCrossoverAgreementTest
{
    private static final Ta4jAgreement.Backtester SIGNAL_PATH =
        (bars, fast, slow, warmUp, trades, what) -> EmaCrossoverBacktests.peregrine(bars.close, fast, slow, warmUp, trades);

    @Test
    void bothLibrariesProduceTheSameTradesOnTheBenchmarksBars()
    {
        Ta4jAgreement.assertSameTradesOnTheBenchmarksBars(SIGNAL_PATH);
    }

    @Test
    void agreementHoldsOverOtherSeedsAndPeriods()
    {
        Ta4jAgreement.assertSameTradesOverOtherSeedsAndPeriods(SIGNAL_PATH);
    }
}
