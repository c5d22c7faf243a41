package dev.peregrine.acceptance.support;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user reads in the text a command printed: the summary of {@code backtest}, {@code demo} and
 * {@code run}, the hashes {@code replay} prints, and the demo's status lines. Every figure is read the way a
 * person reads it (the label, then the number as printed, thousands separators included); a figure the text
 * does not show is an empty Optional, so a case can say "the summary shows no fill ratio" instead of crashing.
 */
public final class Summary
{
    private static final String NUMBER = "(-?[0-9][0-9,]*(?:\\.[0-9]+)?)";
    private static final Pattern OUTPUT_DIGEST = Pattern.compile("output-digest: (\\p{XDigit}+)");
    private static final Pattern STATE_HASH = Pattern.compile("state-hash: (\\p{XDigit}+)");
    private static final Pattern JOURNAL = Pattern.compile("(?m)^journal: (\\S+)");
    private static final Pattern SHARPE = Pattern.compile("(?i)sharpe:? (\\S+?)[;,]?(?:\\s|$)");
    /** "fill ratio 0.97", "fill ratio: 97.0%": the labelled figure, a fraction or a percentage. */
    private static final Pattern FILL_RATIO = Pattern.compile("(?i)fill ratio[:= ]+" + NUMBER + "\\s*(%)?");
    /** Else "filled 97.0%": only with the percent sign ("filled 0.0123 BTC" is a quantity, not a ratio). */
    private static final Pattern FILLED_PERCENT = Pattern.compile("(?i)filled[:= ]+" + NUMBER + "\\s*(%)");
    private static final Pattern TRADING_STATE = Pattern.compile("(?i)trading[ _]state[\"]?[:= ]+\"?([A-Z]+)");
    private static final Pattern STATUS_POSITIONS = Pattern.compile("\\| pos ((?:[A-Z0-9-]+ [-+]?[0-9.]+ ?)+)\\|");

    private final String text;
    private final String summary;

    public Summary(final String text)
    {
        this.text = text;
        final int at = text.lastIndexOf("--- summary ---");
        this.summary = at >= 0 ? text.substring(at) : text;
    }

    /** The whole text, for assertion messages. */
    public String text()
    {
        return text;
    }

    /** A count after its label ("orders: 7,676", "orders 185", "rejects 4 (...)"), in the summary part of the text. */
    public Optional<Long> count(final String label)
    {
        final Matcher m = Pattern.compile("(?i)(?<![A-Za-z_])" + Pattern.quote(label) + ":? ([0-9][0-9,]*)(?![0-9.])").matcher(summary);
        return m.find() ? Optional.of(Long.parseLong(m.group(1).replace(",", ""))) : Optional.empty();
    }

    /** The orders of one strategy's all-products row of "pnl by strategy" ("  NAME all ... orders 12, fills ..."). */
    public Optional<Long> strategyOrders(final String strategy)
    {
        final Matcher m = Pattern.compile("(?m)^ +" + Pattern.quote(strategy) + " +all .*; orders ([0-9]+),").matcher(summary);
        return m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
    }

    public Optional<String> outputDigest()
    {
        return group(OUTPUT_DIGEST, text);
    }

    public Optional<String> stateHash()
    {
        return group(STATE_HASH, text);
    }

    public Optional<String> journal()
    {
        return group(JOURNAL, text);
    }

    /** The Sharpe ratio exactly as printed ("-3613.66", "n/a", ...): its first mention, the results line. */
    public Optional<String> sharpeAsPrinted()
    {
        final Matcher m = SHARPE.matcher(summary);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The fill ratio (filled / requested quantity) as a fraction, if the text shows one. */
    public Optional<Double> fillRatio()
    {
        Matcher m = FILL_RATIO.matcher(summary);
        if (!m.find())
        {
            m = FILLED_PERCENT.matcher(summary);
            if (!m.find())
            {
                return Optional.empty();
            }
        }
        final double value = Double.parseDouble(m.group(1).replace(",", ""));
        return Optional.of(m.group(2) != null || value > 1.0 ? value / 100.0 : value);
    }

    /** The trading state the text names last (ACTIVE, REDUCING, HALTED). */
    public Optional<String> tradingState()
    {
        final Matcher m = TRADING_STATE.matcher(text);
        String last = null;
        while (m.find())
        {
            last = m.group(1).toUpperCase(java.util.Locale.ROOT);
        }
        return Optional.ofNullable(last);
    }

    /** Every status line's positions ("| pos BTC-USD -0.04 ETH-USD +0.52 |"), in order, one map per line. */
    public List<Map<String, BigDecimal>> statusPositions()
    {
        final List<Map<String, BigDecimal>> lines = new ArrayList<>();
        final Matcher m = STATUS_POSITIONS.matcher(text);
        while (m.find())
        {
            final Map<String, BigDecimal> positions = new LinkedHashMap<>();
            final String[] parts = m.group(1).trim().split(" ");
            for (int i = 0; i + 1 < parts.length; i += 2)
            {
                positions.put(parts[i], new BigDecimal(parts[i + 1]));
            }
            lines.add(positions);
        }
        return lines;
    }

    /** Per product the average entry price of the final position ("position ETH-USD -0.52631579 (avg 1900.73)"). */
    public Map<String, BigDecimal> averagePrices()
    {
        final Map<String, BigDecimal> prices = new LinkedHashMap<>();
        final Matcher m = Pattern.compile("(?m)^position (\\S+) [-+]?[0-9.]+ \\(avg ([0-9.]+)\\)").matcher(summary);
        while (m.find())
        {
            prices.put(m.group(1), new BigDecimal(m.group(2)));
        }
        return prices;
    }

    /** The reject reasons of the summary's "rejects N (reason n, reason n)", or empty. */
    public Map<String, Long> rejectReasons()
    {
        final Map<String, Long> reasons = new LinkedHashMap<>();
        final Matcher m = Pattern.compile("rejects [0-9,]+ \\(([^)]*)\\)").matcher(summary);
        if (m.find())
        {
            for (final String part : m.group(1).split(", "))
            {
                final int space = part.lastIndexOf(' ');
                if (space > 0)
                {
                    reasons.put(part.substring(0, space), Long.parseLong(part.substring(space + 1).replace(",", "")));
                }
            }
        }
        return reasons;
    }

    private static Optional<String> group(final Pattern pattern, final String in)
    {
        final Matcher m = pattern.matcher(in);
        String last = null;
        while (m.find())
        {
            last = m.group(1);
        }
        return Optional.ofNullable(last);
    }
}
