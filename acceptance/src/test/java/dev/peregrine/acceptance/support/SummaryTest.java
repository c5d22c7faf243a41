package dev.peregrine.acceptance.support;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The summary reader on the lines the commands print, in the wordings the cases must understand. */
class SummaryTest
{
    @Test
    void readsTheBacktestSummary()
    {
        final Summary s = new Summary(String.join("\n",
            "orders: 7,676, rejects: 24, fills: 7,675",
            "requested 1.50000000 (notional 97000.00), filled 1.20000000 (notional 77600.00), fill ratio 80.0%",
            "max drawdown: 28672.80; sharpe: -3613.66 (per-minute equity changes, x sqrt(525,600))",
            "journal: /tmp/r1/journal",
            "output-digest: 09ca2f097add3cb7",
            "state-hash: 4cdf90a5083a54a2", ""));
        assertThat(s.count("orders")).hasValue(7_676L);
        assertThat(s.count("rejects")).hasValue(24L);
        assertThat(s.count("fills")).hasValue(7_675L);
        assertThat(s.fillRatio()).hasValue(0.8);
        assertThat(s.sharpeAsPrinted()).hasValue("-3613.66");
        assertThat(s.journal()).hasValue("/tmp/r1/journal");
        assertThat(s.outputDigest()).hasValue("09ca2f097add3cb7");
        assertThat(s.stateHash()).hasValue("4cdf90a5083a54a2");
        assertThat(s.tradingState()).isEmpty();
    }

    @Test
    void aFilledQuantityIsNotAFillRatioAndAnUnavailableSharpeIsReadAsPrinted()
    {
        final Summary s = new Summary("requested 0.5, filled 0.0123\nsharpe: n/a (span 5m, needs >= 1d); sortino: n/a\n" +
            "trading state: active\n");
        assertThat(s.fillRatio()).isEmpty();
        assertThat(new Summary("fill ratio: 0.97").fillRatio()).hasValue(0.97);
        assertThat(s.sharpeAsPrinted()).hasValue("n/a");
        assertThat(s.tradingState()).hasValue("ACTIVE");
    }

    @Test
    void readsTheDemoSummaryAfterItsMarkerAndTheStatusLinesBeforeIt()
    {
        final Summary s = new Summary(String.join("\n",
            "[   1s]     423 ev/s | orders 7 fills 6 rejects 3 | pos BTC-USD -0.04416012 ETH-USD +0.92840446 | pnl -29.36",
            "[   2s]   1,546 ev/s | orders 8 fills 10 rejects 4 | pos BTC-USD 0 ETH-USD -0.52631579 | pnl -33.95",
            "--- summary ---",
            "orders 185, fills 388, cancels 5, rejects 4 (max_order_quantity 2, max_position 2), released after journaling 185",
            "position BTC-USD -0.01538462 (avg 65000.47), realized -0.06, unrealized +0.00",
            "position ETH-USD +0.52631579 (avg 1900.73), realized -1.89, unrealized -0.02",
            ""));
        assertThat(s.averagePrices()).containsExactly(Map.entry("BTC-USD", new BigDecimal("65000.47")),
            Map.entry("ETH-USD", new BigDecimal("1900.73")));
        assertThat(s.count("orders")).hasValue(185L);
        assertThat(s.count("rejects")).hasValue(4L);
        assertThat(s.rejectReasons()).isEqualTo(Map.of("max_order_quantity", 2L, "max_position", 2L));
        assertThat(s.statusPositions()).hasSize(2);
        assertThat(s.statusPositions().get(0)).containsEntry("ETH-USD", new BigDecimal("0.92840446"));
        assertThat(s.statusPositions().get(1)).containsEntry("BTC-USD", BigDecimal.ZERO);
    }
}
