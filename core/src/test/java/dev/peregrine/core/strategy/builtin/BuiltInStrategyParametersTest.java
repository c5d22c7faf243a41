package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.strategy.config.BuiltInStrategies;
import dev.peregrine.core.strategy.config.NamedStrategy;
import dev.peregrine.core.strategy.config.StrategyConfigException;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.peregrine.core.strategy.builtin.OneSecondBars.ORDER_QUANTITY;
import static dev.peregrine.core.strategy.builtin.OneSecondBars.PRODUCTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Both strategies are configured by name, with every parameter problem reported at once. */
class BuiltInStrategyParametersTest
{
    private static StrategyConfigException problems(final String... specs)
    {
        final List<StrategySpec> parsed = new ArrayList<>();
        for (int i = 0; i < specs.length; i++)
        {
            parsed.add(StrategySpec.parse(specs[i], "s" + (i + 1)));
        }
        return catchThrowableOfType(() -> BuiltInStrategies.configure(parsed, PRODUCTS, ORDER_QUANTITY),
            StrategyConfigException.class);
    }

    @Test
    void bothAreRegisteredByTypeName()
    {
        assertThat(BuiltInStrategies.types()).contains("trend-following", "mean-reversion");
        assertThat(BuiltInStrategies.find(TrendFollowing.NAME)).isSameAs(TrendFollowing.DEFINITION);
        assertThat(BuiltInStrategies.find(MeanReversion.NAME)).isSameAs(MeanReversion.DEFINITION);
    }

    @Test
    void everyProblemOfEverySpecIsListedWithTheStrategyAndTheParameter()
    {
        final StrategyConfigException e = problems(
            "trend-following:name=trend,instrument=DOGE-USD,fast=30,slow=26,quantity=lots,colour=red",
            "mean-reversion:name=revert,oversold=80,overbought=70,bb-k=wide,rsi-period=1");
        assertThat(e.problems()).containsExactly(
            "strategy 'trend' (trend-following): parameter 'instrument' = 'DOGE-USD': not a configured product " +
                "(configured: BTC-USD, ETH-USD)",
            "strategy 'trend' (trend-following): parameter 'quantity' = 'lots': expected a positive quantity such as 0.01",
            "strategy 'trend' (trend-following): parameter 'fast' (30) must be below 'slow' (26)",
            "strategy 'trend' (trend-following): unknown parameter 'colour' (known: instrument, bar, signal, fast, slow, " +
                "signal-period, quantity, order, allow-short, bars, warm-up)",
            "strategy 'revert' (mean-reversion): parameter 'rsi-period' = '1': expected an integer from 2 to 100000",
            "strategy 'revert' (mean-reversion): parameter 'bb-k' = 'wide': expected a number from 0 to 10",
            "strategy 'revert' (mean-reversion): parameter 'oversold' (80.0) must be below 'overbought' (70.0)");
    }

    @Test
    void choicesBooleansAndDurationsAreChecked()
    {
        final StrategyConfigException e = problems(
            "trend-following:signal=rsi,order=stop,allow-short=yes,bar=soon,fast=x");
        assertThat(e.problems()).containsExactly(
            "strategy 's1' (trend-following): parameter 'bar' = 'soon': expected a positive duration such as 500ms, " +
                "30s, 1m or 4h",
            "strategy 's1' (trend-following): parameter 'signal' = 'rsi': expected one of ema, macd",
            "strategy 's1' (trend-following): parameter 'fast' = 'x': expected an integer from 1 to 100000",
            "strategy 's1' (trend-following): parameter 'order' = 'stop': expected one of market, limit",
            "strategy 's1' (trend-following): parameter 'allow-short' = 'yes': expected true or false");
    }

    @Test
    void theDefaultsBuildOnTheFirstProductAndAnyProductCanBeChosen()
    {
        final List<NamedStrategy> strategies = BuiltInStrategies.configure(List.of(
            StrategySpec.parse("trend-following", "trend"),
            StrategySpec.parse("trend-following:signal=macd,instrument=ETH-USD,order=limit,allow-short=true", "macd"),
            StrategySpec.parse("mean-reversion", "revert")), PRODUCTS, ORDER_QUANTITY);
        assertThat(strategies).extracting(NamedStrategy::name).containsExactly("trend", "macd", "revert");

        final CoreHarness h = new CoreHarness(OneSecondBars.settings(), strategies);
        assertThat(h.core.strategies().count()).isEqualTo(3);
        assertThat(h.core.strategies().get(0).strategy()).isInstanceOf(TrendFollowing.class);
        assertThat(h.core.strategies().get(2).strategy()).isInstanceOf(MeanReversion.class);
    }
}
