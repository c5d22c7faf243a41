package dev.peregrine.core.engine;

import dev.peregrine.core.execution.ExitRules;
import dev.peregrine.core.execution.FillModel;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.risk.RiskLimits;
import dev.peregrine.core.strategy.config.StrategySpec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text form of {@link EngineSettings} the journal header stores: one {@code key=value} a line, keys in
 * a fixed order. Keys added after the first journals are written only when they differ from what older
 * journals meant by their absence, so old headers (and the digests over them) stay as they were.
 */
final class SettingsText
{
    private SettingsText()
    {
    }

    /** Stable text form, one {@code key=value} a line, for the journal header. */
    static String encode(final EngineSettings settings)
    {
        final Map<String, String> map = new LinkedHashMap<>();
        map.put("products", String.join(",", settings.products()));
        map.put("strategy", "ma-crossover");
        map.put("strategy.fastWindow", Integer.toString(settings.fastWindow()));
        map.put("strategy.slowWindow", Integer.toString(settings.slowWindow()));
        map.put("strategy.orderQuantity", join(settings.orderQuantity()));
        map.put("strategy.orderType", settings.passiveOrders() ? "limit" : "market");
        // Only when set, so journals sized by fixed quantities keep their header (and their digest).
        if (settings.orderNotional() > 0)
        {
            map.put("strategy.orderNotional", Double.toString(settings.orderNotional()));
        }
        if (settings.minHoldNanos() > 0)
        {
            map.put("strategy.minHoldNanos", Long.toString(settings.minHoldNanos()));
        }
        map.put("venue.mode", settings.liveVenue() ? "live" : "paper");
        // Configured strategies only when there are some, so journals of crossover-only runs keep their header.
        for (int i = 0; i < settings.strategies().size(); i++)
        {
            map.put("strategies." + (i + 1), settings.strategies().get(i).toString());
        }
        // Margin settings only when they differ from the defaults, so spot journals keep their header (and digest).
        if (settings.collateral() != EngineSettings.DEFAULT_COLLATERAL)
        {
            map.put("perpetual.collateral", FixedPoint.toString(settings.collateral()));
        }
        if (!allDefaultLeverage(settings.leverage()))
        {
            map.put("perpetual.leverage", join(settings.leverage()));
        }
        settings.risk().encodeInto(map);
        settings.exits().encodeInto(map);
        map.put("venue.timeoutNanos", Long.toString(settings.venueTimeoutNanos()));
        map.put("paper.orderLatencyNanos", Long.toString(settings.paperVenue().orderLatencyNanos()));
        map.put("paper.cancelLatencyNanos", Long.toString(settings.paperVenue().cancelLatencyNanos()));
        map.put("paper.fillLatencyNanos", Long.toString(settings.paperVenue().fillLatencyNanos()));
        map.put("paper.makerFeeBps", Double.toString(settings.paperVenue().makerFeeBps()));
        map.put("paper.takerFeeBps", Double.toString(settings.paperVenue().takerFeeBps()));
        // The touch model is what journals recorded before fill models existed: it is the absence of the keys.
        if (settings.paperVenue().fillModel() != FillModel.TOUCH)
        {
            map.put("paper.fillModel", settings.paperVenue().fillModel().cliName());
            map.put("paper.participation", Double.toString(settings.paperVenue().participation()));
            map.put("paper.fillWindowNanos", Long.toString(settings.paperVenue().fillWindowNanos()));
            map.put("paper.slippageBps", Double.toString(settings.paperVenue().slippageBps()));
        }
        settings.paperVenue().encodeLiquidationInto(map);
        final StringBuilder sb = new StringBuilder();
        map.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    /** Parses {@link #encode()}'s output; throws with the offending key when something is off. */
    static EngineSettings decode(final String text)
    {
        final Map<String, String> map = new LinkedHashMap<>();
        for (final String line : text.split("\n"))
        {
            if (line.isBlank())
            {
                continue;
            }
            final int eq = line.indexOf('=');
            if (eq < 0)
            {
                throw new IllegalArgumentException("settings line without '=': " + line);
            }
            map.put(line.substring(0, eq), line.substring(eq + 1));
        }
        final List<String> products = Arrays.asList(require(map, "products").split(","));
        return EngineSettings.builder(products)
            .windows(Integer.parseInt(require(map, "strategy.fastWindow")),
                Integer.parseInt(require(map, "strategy.slowWindow")))
            .orderQuantity(split(require(map, "strategy.orderQuantity"), products.size(), "strategy.orderQuantity"))
            .risk(RiskLimits.decode(map, products.size()))
            .exits(ExitRules.decode(map, products.size()))
            .paperVenue(new PaperVenueSettings(
                Long.parseLong(require(map, "paper.orderLatencyNanos")),
                Long.parseLong(require(map, "paper.cancelLatencyNanos")),
                Long.parseLong(require(map, "paper.fillLatencyNanos")),
                Double.parseDouble(require(map, "paper.makerFeeBps")),
                Double.parseDouble(require(map, "paper.takerFeeBps")),
                decodeFillModel(map),
                Double.parseDouble(map.getOrDefault("paper.participation",
                    Double.toString(PaperVenueSettings.DEFAULT_PARTICIPATION))),
                Long.parseLong(map.getOrDefault("paper.fillWindowNanos",
                    Long.toString(PaperVenueSettings.DEFAULT_FILL_WINDOW_NANOS))),
                Double.parseDouble(map.getOrDefault("paper.slippageBps",
                    Double.toString(PaperVenueSettings.DEFAULT_SLIPPAGE_BPS)))).withLiquidationFeeFrom(map))
            .venueTimeoutNanos(Long.parseLong(map.getOrDefault("venue.timeoutNanos",
                Long.toString(EngineSettings.DEFAULT_VENUE_TIMEOUT_NANOS))))
            .passiveOrders("limit".equals(map.getOrDefault("strategy.orderType", "market")))
            .liveVenue("live".equals(map.getOrDefault("venue.mode", "paper")))
            .strategies(decodeStrategies(map))
            .orderNotional(Double.parseDouble(map.getOrDefault("strategy.orderNotional", "0")))
            .minHoldNanos(Long.parseLong(map.getOrDefault("strategy.minHoldNanos", "0")))
            .collateral(map.containsKey("perpetual.collateral") ?
                FixedPoint.parseOrThrow("perpetual.collateral", map.get("perpetual.collateral")) : EngineSettings.DEFAULT_COLLATERAL)
            .leverage(map.containsKey("perpetual.leverage") ?
                split(map.get("perpetual.leverage"), products.size(), "perpetual.leverage") : null)
            .build();
    }

    private static boolean allDefaultLeverage(final long[] leverage)
    {
        for (final long l : leverage)
        {
            if (l != EngineSettings.DEFAULT_LEVERAGE)
            {
                return false;
            }
        }
        return true;
    }

    private static FillModel decodeFillModel(final Map<String, String> map)
    {
        final String text = map.get("paper.fillModel");
        if (text == null)
        {
            return FillModel.TOUCH;
        }
        final FillModel model = FillModel.parse(text);
        if (model == null)
        {
            throw new IllegalArgumentException("settings 'paper.fillModel' is '" + text + "', not one of " + FillModel.names());
        }
        return model;
    }

    private static List<StrategySpec> decodeStrategies(final Map<String, String> map)
    {
        final List<StrategySpec> specs = new ArrayList<>();
        for (int i = 1; map.containsKey("strategies." + i); i++)
        {
            specs.add(StrategySpec.parse(map.get("strategies." + i), "strategy-" + i));
        }
        return specs;
    }

    private static String require(final Map<String, String> map, final String key)
    {
        final String value = map.get(key);
        if (value == null)
        {
            throw new IllegalArgumentException("settings miss '" + key + "'");
        }
        return value;
    }

    private static String join(final long[] scaled)
    {
        final List<String> parts = new ArrayList<>(scaled.length);
        for (final long v : scaled)
        {
            parts.add(FixedPoint.toString(v));
        }
        return String.join(",", parts);
    }

    private static long[] split(final String text, final int expected, final String key)
    {
        final String[] parts = text.split(",");
        if (parts.length != expected)
        {
            throw new IllegalArgumentException("settings '" + key + "' has " + parts.length + " values, expected " + expected);
        }
        final long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++)
        {
            values[i] = FixedPoint.parseOrThrow(key, parts[i]);
        }
        return values;
    }
}
