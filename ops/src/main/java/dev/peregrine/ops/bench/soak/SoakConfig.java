package dev.peregrine.ops.bench.soak;

import dev.peregrine.core.strategy.config.StrategySpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The daemon's configuration for a soak: the {@code live} profile against the simulator's three URLs, loopback
 * ports chosen by the soak, the journal in the soak's folder, and risk limits wide enough that every strategy keeps
 * trading for hours on the simulated walk (a soak measures the daemon, not the limits).
 */
final class SoakConfig
{
    /** Strategies a soak runs when none are given: all four built-ins, on both products. */
    static final List<String> DEFAULT_STRATEGIES = List.of(
        "market-maker:instrument=BTC-USD,spread-bps=4",
        "ma-crossover:fast=20,slow=80",
        "trend-following:instrument=ETH-USD,bar=1s",
        "mean-reversion:instrument=BTC-USD,bar=1s");

    private SoakConfig()
    {
    }

    static String yaml(final String marketDataUrl, final String restUrl, final String userChannelUrl, final Path journal,
        final int healthPort, final int metricsPort, final List<StrategySpec> strategies)
    {
        final StringBuilder y = new StringBuilder(2048);
        y.append("# Written by peregrine bench soak.\n")
            .append("profile: live\n")
            .append("venue:\n  name: coinbase\n")
            .append("  market_data_url: ").append(marketDataUrl).append('\n')
            .append("  rest_url: ").append(restUrl).append('\n')
            .append("  user_channel_url: ").append(userChannelUrl).append('\n')
            .append("products: [BTC-USD, ETH-USD]\n")
            .append("order:\n  notional: 100\n  type: limit\n  venue_timeout: 10s\n")
            .append("strategies:\n");
        for (final StrategySpec s : strategies)
        {
            y.append("  - type: ").append(s.type()).append('\n').append("    name: ").append(s.name()).append('\n');
            if (!s.params().isEmpty())
            {
                y.append("    params:\n");
                for (final Map.Entry<String, String> p : s.params().entrySet())
                {
                    y.append("      ").append(p.getKey()).append(": \"").append(p.getValue()).append("\"\n");
                }
            }
        }
        y.append("risk:\n  products:\n")
            .append("    BTC-USD: {max_order: 0.01, max_position: 0.05, max_order_notional: 1000, price_band: 0.05}\n")
            .append("    ETH-USD: {max_order: 0.5, max_position: 2, max_order_notional: 1000, price_band: 0.05}\n")
            .append("  max_gross_exposure: 100000\n  daily_loss_limit: 100000\n  trailing_drawdown_limit: 100000\n")
            .append("  max_orders_per_second: 20\n  max_orders_per_minute: 1000\n")
            .append("  max_cancels_per_second: 20\n  max_cancels_per_minute: 1000\n")
            .append("ports:\n  bind: 127.0.0.1\n  health: ").append(healthPort).append("\n  metrics: ").append(metricsPort).append('\n')
            .append("journal:\n  dir: ").append(journal).append("\n  max_age: 7d\n  max_size: 20g\n")
            .append("ring:\n  size: 16384\n  wait_strategy: yielding\n")
            .append("shutdown:\n  cancel_open_orders: true\n  timeout: 10s\n")
            .append("logging:\n  format: json\n");
        return y.toString();
    }
}
