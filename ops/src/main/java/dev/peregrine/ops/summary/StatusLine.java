package dev.peregrine.ops.summary;

import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.ops.engine.LiveEngine;
import dev.peregrine.ops.metrics.LatencySidecar;

import java.util.List;
import java.util.Locale;

/**
 * The once-a-second line of a demo or live run: throughput, orders, position, PnL and the
 * tick-to-decision percentiles of the last interval.
 */
public final class StatusLine
{
    private final LiveEngine engine;
    private final LatencySidecar sidecar;
    private final LatencySidecar.Series tickToDecision;
    private long lastEvents;
    private long lastNanos = System.nanoTime();

    public StatusLine(final LiveEngine engine, final LatencySidecar sidecar, final LatencySidecar.Series tickToDecision)
    {
        this.engine = engine;
        this.sidecar = sidecar;
        this.tickToDecision = tickToDecision;
    }

    public String next(final long elapsedSeconds)
    {
        final CoreMetrics m = engine.coreMetrics();
        final long now = System.nanoTime();
        final long events = m.events.get();
        final double rate = (events - lastEvents) / Math.max((now - lastNanos) / 1e9, 1e-9);
        lastEvents = events;
        lastNanos = now;

        final StringBuilder sb = new StringBuilder(160);
        sb.append(String.format(Locale.ROOT, "[%4ds] %,7.0f ev/s | orders %d fills %d rejects %d | pos",
            elapsedSeconds, rate, m.orders.get(), m.fills.get(), m.totalRejects()));
        final List<String> products = engine.settings().products();
        for (int i = 0; i < products.size(); i++)
        {
            sb.append(' ').append(products.get(i)).append(' ')
                .append(String.format(Locale.ROOT, "%+.8f", m.positions[i].get()).replaceAll("0+$", "").replaceAll("\\.$", ""));
        }
        final double realized = m.realizedPnl.get();
        final double total = realized + m.unrealizedPnl.get();
        sb.append(String.format(Locale.ROOT, " | pnl %+.2f (realized %+.2f)", total, realized));
        sb.append(String.format(Locale.ROOT, " | tick-to-decision p50 %s p99 %s",
            micros(sidecar.lastIntervalPercentile(tickToDecision, 50)),
            micros(sidecar.lastIntervalPercentile(tickToDecision, 99))));
        if (engine.tradingSwitch().isHalted())
        {
            sb.append(" | HALTED: ").append(engine.tradingSwitch().reason());
        }
        else if (m.tradingState.get() != dev.peregrine.core.engine.TradingState.ACTIVE.ordinal())
        {
            sb.append(" | ").append(dev.peregrine.core.engine.TradingState.values()[(int)m.tradingState.get()]);
        }
        final Throwable coreError = engine.core().lastError();
        if (coreError != null)
        {
            sb.append(" | CORE ERROR: ").append(coreError);
        }
        for (int i = 0; i < engine.core().strategies().count(); i++)
        {
            final Throwable strategyFailure = engine.core().strategies().get(i).failure();
            if (strategyFailure != null)
            {
                sb.append(" | STRATEGY '").append(engine.core().strategies().get(i).name()).append("' DISABLED: ")
                    .append(strategyFailure);
            }
        }
        if (!engine.feed().isConnected())
        {
            sb.append(" | gateway DISCONNECTED");
        }
        return sb.toString();
    }

    public static String micros(final long nanos)
    {
        return String.format(Locale.ROOT, "%.1fus", nanos / 1000.0);
    }
}
