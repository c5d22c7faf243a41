package dev.peregrine.ops.decisions;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.risk.RiskChain;
import dev.peregrine.core.strategy.MovingAverageCrossover;
import dev.peregrine.ops.logging.JsonOutput;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders decision records for people (one line each) and for tools (JSON lines), with strategy and
 * product names and the risk checks by name, taken from the journal's own settings.
 */
public final class DecisionFormat
{
    /** The name of strategy id 0: orders the engine placed itself (exits, flatten). */
    public static final String ENGINE = "engine";

    private final List<String> products;
    private final List<String> strategies = new ArrayList<>();
    private final RiskChain checks = RiskChain.standard();

    public DecisionFormat(final EngineSettings settings)
    {
        this.products = settings.products();
        strategies.add(ENGINE);
        if (settings.strategies().isEmpty())
        {
            strategies.add(MovingAverageCrossover.NAME);
        }
        else
        {
            settings.strategies().forEach(spec -> strategies.add(spec.name()));
        }
    }

    /** The configured name of strategy {@code id}, or {@code strategy-<id>} if the settings do not know it. */
    public String strategyName(final int id)
    {
        return id >= 0 && id < strategies.size() ? strategies.get(id) : "strategy-" + id;
    }

    public String product(final int instrumentId)
    {
        return instrumentId >= 0 && instrumentId < products.size() ? products.get(instrumentId) : "instrument-" + instrumentId;
    }

    /** One line: order, signal and values, the book, the position and the risk verdict. */
    public String text(final DecisionRecord r)
    {
        final StringBuilder sb = new StringBuilder(160);
        sb.append('#').append(r.orderId()).append(' ').append(Instant.ofEpochSecond(0, r.timeNanos())).append(' ')
            .append(strategyName(r.strategyId())).append(' ').append(Side.name(r.side())).append(' ')
            .append(FixedPoint.toString(r.quantity())).append(' ').append(product(r.instrumentId())).append(' ')
            .append(r.type());
        if (r.limitPrice() != 0)
        {
            sb.append(" @ ").append(FixedPoint.toString(r.limitPrice()));
        }
        sb.append(" | signal ").append(r.signal());
        for (int i = 0; i < r.valueCount(); i++)
        {
            sb.append(' ').append(r.valueName(i)).append('=').append(number(r.value(i)));
        }
        sb.append(" | book ").append(FixedPoint.toString(r.bidPrice())).append(" x ")
            .append(FixedPoint.toString(r.bidQuantity())).append(" / ").append(FixedPoint.toString(r.askPrice()))
            .append(" x ").append(FixedPoint.toString(r.askQuantity()))
            .append(" | position ").append(FixedPoint.toString(r.position()))
            .append(" | on ").append(EventType.name(r.causeType()));
        if (r.accepted())
        {
            sb.append(" | risk passed ").append(r.checksPassed()).append('/').append(checks.size()).append(" checks");
        }
        else
        {
            sb.append(" | REJECTED ").append(r.outcome());
            if (r.checksPassed() > 0)
            {
                sb.append(" after passing ").append(String.join(", ", passedChecks(r)));
            }
        }
        return sb.toString();
    }

    /** One JSON object, for {@code jq} and spreadsheets. */
    public String json(final DecisionRecord r)
    {
        final ObjectNode w = JsonOutput.object()
            .put("orderId", r.orderId())
            .put("time", Instant.ofEpochSecond(0, r.timeNanos()).toString())
            .put("timeNanos", r.timeNanos())
            .put("strategyId", r.strategyId())
            .put("strategy", strategyName(r.strategyId()))
            .put("product", product(r.instrumentId()))
            .put("side", Side.name(r.side()))
            .put("type", r.type().name())
            .put("quantity", FixedPoint.toString(r.quantity()))
            .put("limitPrice", FixedPoint.toString(r.limitPrice()))
            .put("signal", r.signal());
        final ObjectNode values = w.putObject("values");
        for (int i = 0; i < r.valueCount(); i++)
        {
            values.put(r.valueName(i), r.value(i));
        }
        w.putObject("book")
            .put("bid", FixedPoint.toString(r.bidPrice()))
            .put("bidQuantity", FixedPoint.toString(r.bidQuantity()))
            .put("ask", FixedPoint.toString(r.askPrice()))
            .put("askQuantity", FixedPoint.toString(r.askQuantity()));
        w.put("position", FixedPoint.toString(r.position()));
        w.put("cause", EventType.name(r.causeType()));
        final ObjectNode risk = w.putObject("risk").put("accepted", r.accepted());
        passedChecks(r).forEach(risk.putArray("checksPassed")::add);
        risk.put("rejectReason", r.accepted() ? null : r.outcome().name());
        return JsonOutput.compactDecimals(w);
    }

    private List<String> passedChecks(final DecisionRecord r)
    {
        final List<String> names = new ArrayList<>();
        for (int i = 0; i < Math.min(r.checksPassed(), checks.size()); i++)
        {
            names.add(checks.checkName(i));
        }
        return names;
    }

    /** Values as plain decimals with up to 8 places (JSON has no NaN: those become strings). */
    private static String number(final double v)
    {
        if (Double.isNaN(v) || Double.isInfinite(v))
        {
            return Double.toString(v);
        }
        final String s = String.format(Locale.ROOT, "%.8f", v);
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '0')
        {
            end--;
        }
        if (end > 0 && s.charAt(end - 1) == '.')
        {
            end--;
        }
        return s.substring(0, end);
    }
}
