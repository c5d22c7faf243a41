package dev.peregrine.ops.config;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.execution.FillModel;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.strategy.config.BuiltInStrategies;
import dev.peregrine.core.strategy.config.StrategyConfigException;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.gateway.venue.BaseTierFees;
import dev.peregrine.gateway.venue.Venue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The configuration's {@code products}, {@code order}, {@code strategies}, {@code risk} and {@code paper} sections:
 * everything the journal header records, read into one {@link EngineSettings} with every problem recorded.
 */
final class EngineSettingsSection
{
    /** What a configuration without a {@code products} list trades. */
    static final List<String> DEFAULT_PRODUCTS = List.of("BTC-USD", "ETH-USD");

    private EngineSettingsSection()
    {
    }

    /** paper.slippage_bps: the unlimited fill model's price worsening, at least 0 and under 1000 bps. */
    private static double slippageBps(final ConfigSection paper)
    {
        final double bps = Double.parseDouble(paper.decimal("slippage_bps",
            Double.toString(PaperVenueSettings.DEFAULT_SLIPPAGE_BPS), true));
        if (bps >= 1000)
        {
            paper.problem("slippage_bps", bps, "a slippage in bps >= 0 and under 1000, e.g. 5");
            return PaperVenueSettings.DEFAULT_SLIPPAGE_BPS;
        }
        return bps;
    }

    /** paper.participation: a share of the traded volume, above 0 and at most 1 (the volume fill model). */
    private static double participation(final ConfigSection paper)
    {
        final double share = Double.parseDouble(paper.decimal("participation",
            Double.toString(PaperVenueSettings.DEFAULT_PARTICIPATION), false));
        if (!(share > 0 && share <= 1))
        {
            paper.problem("participation", share, "a share of the traded volume above 0 and at most 1, e.g. 0.25");
            return PaperVenueSettings.DEFAULT_PARTICIPATION;
        }
        return share;
    }

    /**
     * Products, order size, strategies, risk limits and paper venue: everything the journal header records.
     *
     * @param catalog  what the products must be listed in, and whose prices size the orders: the venue's catalog
     *                 for a run against a real venue, else the built-in lists.
     * @param deferred the products are to be checked against the venue's catalog, not loaded yet because the
     *                 configuration has other problems: one the built-in lists lack is not a problem here.
     * @param venue    whose base-tier fees the paper venue charges when {@code paper} names none.
     */
    static EngineSettings read(final ConfigSection root, final boolean live, final List<ConfigProblem> problems,
        final ProductCatalog catalog, final boolean deferred, final Venue venue)
    {
        final List<String> products = new ArrayList<>(root.strings("products", DEFAULT_PRODUCTS));
        if (products.isEmpty())
        {
            root.problem("products", "[]", "at least one product");
            products.add("BTC-USD");
        }
        for (int i = 0; i < products.size(); i++)
        {
            final String product = products.get(i);
            if (products.indexOf(product) != i || catalog.find(product) == null && !deferred)
            {
                problems.add(new ConfigProblem("products[" + i + "]", "'" + product + "'", products.indexOf(product) != i ?
                    "each product once" : "a known product (" + String.join(", ", catalog.symbols()) + ")"));
            }
        }
        products.removeIf(p -> catalog.find(p) == null);
        final List<String> known = new ArrayList<>(new LinkedHashSet<>(products));
        if (known.isEmpty())
        {
            known.add("BTC-USD");
        }
        final ConfigSection order = root.section("order");
        final double notional = Double.parseDouble(order.decimal("notional", "1000", false));
        final String type = order.choice("type", "market", List.of("market", "limit"));
        final Duration venueTimeout = order.duration("venue_timeout", Duration.ofNanos(EngineSettings.DEFAULT_VENUE_TIMEOUT_NANOS), true);
        order.finish();

        final ConfigSection paper = root.section("paper");
        final BaseTierFees fees = venue.baseTierFees(known);
        final PaperVenueSettings paperVenue = new PaperVenueSettings(
            paper.duration("order_latency", Duration.ofMillis(20), true).toNanos(),
            paper.duration("cancel_latency", Duration.ofMillis(20), true).toNanos(),
            paper.duration("fill_latency", Duration.ofMillis(5), true).toNanos(),
            Double.parseDouble(paper.decimal("maker_fee_bps", Double.toString(fees.makerBps()), true)),
            Double.parseDouble(paper.decimal("taker_fee_bps", Double.toString(fees.takerBps()), true)))
            .withFillModel(FillModel.parse(paper.choice("fill_model", FillModel.TOUCH.cliName(),
                    List.of("touch", "volume", "unlimited"))),
                participation(paper),
                paper.duration("fill_window", Duration.ofNanos(PaperVenueSettings.DEFAULT_FILL_WINDOW_NANOS), false).toNanos(),
                slippageBps(paper));
        paper.finish();

        EngineSettings settings = EngineSettings.defaults(catalog, known, notional)
            .withPassiveOrders("limit".equals(type))
            .withPaperVenue(paperVenue)
            .withVenueTimeout(venueTimeout.toNanos())
            .withLiveVenue(live);
        settings = settings.withRisk(RiskSection.read(root.section("risk"), settings, perpetuals(catalog, known)));
        final List<StrategySpec> specs = strategies(root);
        try
        {
            BuiltInStrategies.configure(specs, settings.products(), settings.orderQuantity());
        }
        catch (final StrategyConfigException ex)
        {
            for (final String problem : ex.problems())
            {
                problems.add(new ConfigProblem(strategyPath(specs, problem), problem, "types and parameters as 'peregrine demo --list-strategies' lists them"));
            }
        }
        return settings.withStrategies(specs);
    }

    /** The products that are perpetual futures in {@code catalog}, in the configuration's order. */
    static java.util.Set<String> perpetuals(final ProductCatalog catalog, final List<String> products)
    {
        final java.util.Set<String> perpetuals = new LinkedHashSet<>();
        for (final String product : products)
        {
            if (PerpetualSection.perpetualOf(catalog, product) != null)
            {
                perpetuals.add(product);
            }
        }
        return perpetuals;
    }

    /** {@code strategies[i]} of the spec a problem names ("strategy 'NAME'..."), else the list as a whole. */
    private static String strategyPath(final List<StrategySpec> specs, final String problem)
    {
        for (int i = 0; i < specs.size(); i++)
        {
            if (problem.startsWith("strategy '" + specs.get(i).name() + "'"))
            {
                return "strategies[" + i + "]";
            }
        }
        return "strategies";
    }

    private static List<StrategySpec> strategies(final ConfigSection root)
    {
        final List<StrategySpec> specs = new ArrayList<>();
        final List<ConfigSection> entries = root.sections("strategies");
        for (int i = 0; i < entries.size(); i++)
        {
            final ConfigSection entry = entries.get(i);
            final String type = entry.string("type", null);
            if (type == null)
            {
                entry.problem("type", null, "a strategy type (" + String.join(", ", BuiltInStrategies.types()) + ")");
            }
            final String name = entry.string("name", type == null ? "strategy-" + (i + 1) : type);
            final ConfigSection params = entry.section("params");
            params.acceptAnyKey();
            final Map<String, String> values = new LinkedHashMap<>();
            for (final String key : params.keys())
            {
                final Object value = params.raw(key);
                if (value instanceof Map || value instanceof List || value == null)
                {
                    params.problem(key, value, "a single value");
                    continue;
                }
                values.put(key, value.toString());
            }
            entry.finish();
            if (type != null)
            {
                specs.add(new StrategySpec(name, type, values));
            }
        }
        return specs;
    }
}
