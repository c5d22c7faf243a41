package dev.peregrine.core.engine;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.strategy.config.StrategySpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What changes when a core running {@code from} continues with {@code to} (configuration is an input: a
 * journal records the new settings at the restart point, and every reader applies them there with
 * {@link TradingCore#applySettings}). Pure: no threads, no I/O.
 *
 * <p>What applying means:
 * <ul>
 *   <li>risk limits, exit rules, the venue time-out and the paper venue's model are replaced; positions,
 *       orders, rate windows and the day's PnL carry on;</li>
 *   <li>a strategy whose specification (its spec, or the default crossover's parameters, and the order
 *       sizing it was built with) did not change keeps its state; a changed or added strategy starts fresh;
 *       strategy ids stay list positions, so a strategy is "the same" when it is the same at the same position;</li>
 *   <li>refused ({@link #blockers}): a change of the product list (instrument ids are positions in that list
 *       and every per-product table is sized by it; a product removed while it holds a position or open
 *       orders is named), of the venue mode (paper and live positions are not the same positions), of the
 *       risk zone (the day boundary of the loss limits), and a strategy changed or removed while it has
 *       open orders (their fills would reach a strategy that did not place them).</li>
 * </ul>
 */
public final class SettingsChange
{
    private final EngineSettings from;
    private final EngineSettings to;
    private final List<String> changes = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();
    /** By strategy index in {@code to}: true when the running strategy at that index continues with its state. */
    private final boolean[] keepsStrategy;

    private SettingsChange(final EngineSettings from, final EngineSettings to)
    {
        this.from = from;
        this.to = to;
        final List<String> fromKeys = strategyKeys(from);
        final List<String> toKeys = strategyKeys(to);
        keepsStrategy = new boolean[toKeys.size()];
        for (int i = 0; i < toKeys.size(); i++)
        {
            keepsStrategy[i] = i < fromKeys.size() && fromKeys.get(i).equals(toKeys.get(i));
        }
        describe(from.encode(), to.encode());
        if (!from.products().equals(to.products()))
        {
            refusals.add("products: " + String.join(",", from.products()) + " -> " + String.join(",", to.products()) +
                ": the product list cannot change on a running journal (instrument ids are positions in it); " +
                "use a new journal folder");
        }
        if (from.liveVenue() != to.liveVenue())
        {
            refusals.add("venue.mode: " + mode(from) + " -> " + mode(to) +
                ": positions and orders of one venue cannot continue at another; use a new journal folder");
        }
        if (!from.risk().zone.equals(to.risk().zone))
        {
            refusals.add("risk.zone: " + from.risk().zone + " -> " + to.risk().zone +
                ": the loss limits' trading day cannot move on a running journal; use a new journal folder");
        }
    }

    /** The change from the settings in effect to the next ones. */
    public static SettingsChange between(final EngineSettings from, final EngineSettings to)
    {
        return new SettingsChange(Objects.requireNonNull(from, "from"), Objects.requireNonNull(to, "to"));
    }

    /** True when the two settings encode identically: nothing is journaled and nothing applied. */
    public boolean isEmpty()
    {
        return from.digest() == to.digest() && from.encode().equals(to.encode());
    }

    /** One readable line per change, e.g. {@code risk.maxPosition[BTC-USD]: 0.02 -> 0.04}, {@code strategy added: ...}. */
    public List<String> changes()
    {
        return List.copyOf(changes);
    }

    /**
     * Why {@code core} (running {@code from}, in the state the journal left it) cannot continue with {@code to}:
     * one line per blocker; empty when it can. Call on the core's thread, or while it is idle.
     */
    public List<String> blockers(final TradingCore core)
    {
        final List<String> blockers = new ArrayList<>(refusals);
        final OrderStore orders = core.execution().orders();
        for (int id = 0; id < from.products().size(); id++)
        {
            final String product = from.products().get(id);
            if (to.products().contains(product))
            {
                continue;
            }
            final long position = core.positions().quantity(id);
            final int open = openOrders(orders, id, -1);
            if (position != 0 || open > 0)
            {
                blockers.add("product " + product + " removed while it holds " +
                    (position != 0 ? "a position of " + FixedPoint.toString(position) : "no position") + " and " +
                    open + " open order" + (open == 1 ? "" : "s") + "; flatten and cancel it first");
            }
        }
        if (strategiesFromSettings(core))
        {
            final int running = core.strategies().count();
            for (int i = 0; i < running; i++)
            {
                if (i < keepsStrategy.length && keepsStrategy[i])
                {
                    continue;
                }
                final int open = openOrders(orders, -1, i + 1);
                if (open > 0)
                {
                    blockers.add("strategy " + core.strategies().get(i).name() + " " +
                        (i < keepsStrategy.length ? "changed" : "removed") + " while it has " + open + " open order" +
                        (open == 1 ? "" : "s") + "; cancel them first (a graceful stop does)");
                }
            }
        }
        return blockers;
    }

    /** True when the strategy at {@code index} of {@code to} continues with its state (its specification did not change). */
    public boolean keepsStrategy(final int index)
    {
        return index < keepsStrategy.length && keepsStrategy[index];
    }

    public EngineSettings from()
    {
        return from;
    }

    public EngineSettings to()
    {
        return to;
    }

    /** A core built from an explicit strategy list (tests, embedding code) keeps it: its settings do not name it. */
    static boolean strategiesFromSettings(final TradingCore core)
    {
        return core.strategiesFromSettings();
    }

    /**
     * What identifies each strategy of {@code settings}, by index: its spec (or the default crossover's
     * parameters) and the order sizing and products it was built with. Equal keys at an index: the
     * running strategy continues.
     */
    static List<String> strategyKeys(final EngineSettings settings)
    {
        final StringBuilder sizing = new StringBuilder("|products=").append(String.join(",", settings.products()))
            .append("|orderQuantity=");
        for (final long q : settings.orderQuantity())
        {
            sizing.append(q).append(',');
        }
        sizing.append("|orderNotional=").append(settings.orderNotional());
        final List<String> keys = new ArrayList<>();
        if (settings.strategies().isEmpty())
        {
            keys.add("ma-crossover fast=" + settings.fastWindow() + " slow=" + settings.slowWindow() + " passive=" +
                settings.passiveOrders() + " minHold=" + settings.minHoldNanos() + sizing);
            return keys;
        }
        for (final StrategySpec spec : settings.strategies())
        {
            keys.add(spec + sizing.toString());
        }
        return keys;
    }

    private static int openOrders(final OrderStore orders, final int instrumentId, final int strategyId)
    {
        int count = 0;
        for (int i = 0; i < orders.openCount(); i++)
        {
            final Order order = orders.open(i);
            if ((instrumentId < 0 || order.instrumentId() == instrumentId) &&
                (strategyId < 0 || order.strategyId() == strategyId))
            {
                count++;
            }
        }
        return count;
    }

    private static String mode(final EngineSettings settings)
    {
        return settings.liveVenue() ? "live" : "paper";
    }

    /** Readable lines from the two encoded forms, key by key; per product where a value is one per product. */
    private void describe(final String fromText, final String toText)
    {
        final Map<String, String> a = parse(fromText);
        final Map<String, String> b = parse(toText);
        final Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        final boolean sameProducts = from.products().equals(to.products());
        for (final String key : keys)
        {
            final String before = a.get(key);
            final String after = b.get(key);
            if (Objects.equals(before, after))
            {
                continue;
            }
            if (key.startsWith("strategies."))
            {
                changes.add(before == null ? "strategy added: " + after :
                    after == null ? "strategy removed: " + before :
                    "strategy changed: " + before + " -> " + after + " (starts fresh)");
                continue;
            }
            if (sameProducts && before != null && after != null && perProduct(before, after))
            {
                final String[] x = before.split(",");
                final String[] y = after.split(",");
                for (int i = 0; i < x.length; i++)
                {
                    if (!x[i].equals(y[i]))
                    {
                        changes.add(key + "[" + from.products().get(i) + "]: " + x[i] + " -> " + y[i]);
                    }
                }
                continue;
            }
            changes.add(key + ": " + (before == null ? "(unset)" : before) + " -> " + (after == null ? "(unset)" : after));
        }
        final List<String> fresh = new ArrayList<>();
        final List<String> names = strategyNames(to);
        for (int i = 0; i < keepsStrategy.length && i < strategyKeys(from).size(); i++)
        {
            if (!keepsStrategy[i])
            {
                fresh.add(names.get(i));
            }
        }
        if (!fresh.isEmpty())
        {
            changes.add("strategies starting fresh: " + String.join(", ", fresh));
        }
    }

    private boolean perProduct(final String before, final String after)
    {
        final int n = from.products().size();
        return n > 1 && before.split(",").length == n && after.split(",").length == n && !before.contains("=");
    }

    private static List<String> strategyNames(final EngineSettings settings)
    {
        final List<String> names = new ArrayList<>();
        if (settings.strategies().isEmpty())
        {
            names.add(dev.peregrine.core.strategy.MovingAverageCrossover.NAME);
        }
        for (final StrategySpec spec : settings.strategies())
        {
            names.add(spec.name());
        }
        return names;
    }

    private static Map<String, String> parse(final String text)
    {
        final Map<String, String> map = new LinkedHashMap<>();
        for (final String line : text.split("\n"))
        {
            final int eq = line.indexOf('=');
            if (eq > 0)
            {
                map.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return map;
    }
}
