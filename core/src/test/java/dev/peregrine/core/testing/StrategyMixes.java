package dev.peregrine.core.testing;

import java.util.List;

/**
 * Strategy configurations that together cover every built-in strategy and its modes (signal, short, order
 * style, two strategies on two instruments), for tests that must hold whatever the engine runs: snapshot
 * restore, recovery, replay. Use with {@code @MethodSource("dev.peregrine.core.testing.StrategyMixes#everyBuiltIn")}.
 */
public final class StrategyMixes
{
    private StrategyMixes()
    {
    }

    /** Settings strategy specs; the empty one is the default moving-average crossover. */
    public static List<String> everyBuiltIn()
    {
        return List.of(
            "",
            "trend-following:bar=1s,fast=3,slow=8",
            "trend-following:bar=1s,signal=macd,fast=3,slow=8,signal-period=3,allow-short=true",
            "mean-reversion:bar=1s,rsi-period=5,bb-period=10,bb-k=1.5,allow-short=true,order=limit",
            "market-maker:spread-bps=20,quantity=0.01",
            "market-maker:instrument=ETH-USD,spread-bps=10,quantity=0.1;trend-following:bar=1s,fast=3,slow=8");
    }
}
