package dev.peregrine.ops.summary;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.perpetual.MarginAccount;
import dev.peregrine.core.perpetual.PerpetualState;
import dev.peregrine.ops.engine.LiveEngine;
import dev.peregrine.ops.logging.JsonOutput;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The perpetual part of a stopped run's summary: per perpetual product the position on the mark (contracts, entry,
 * mark, notional, unrealized, margin and leverage, liquidation price, funding and its settlements), then the margin
 * account and the final trading state. Read from the core's own state once it has stopped (the summary's moment), so
 * the figures are the ones the state hash covers. Nothing for a run without a perpetual product.
 */
public final class PerpetualSummary
{
    private PerpetualSummary()
    {
    }

    /** The summary's lines; empty for a spot run. */
    public static List<String> lines(final LiveEngine engine)
    {
        final List<String> lines = new ArrayList<>();
        final InstrumentRegistry instruments = engine.core().instruments();
        if (!instruments.hasPerpetual())
        {
            return lines;
        }
        final PerpetualState state = engine.core().perpetuals();
        final MarginAccount account = state.account();
        String currency = null;
        for (int i = 0; i < instruments.size(); i++)
        {
            final PerpetualTerms terms = instruments.perpetual(i);
            if (terms == null)
            {
                continue;
            }
            currency = currency == null ? terms.settlementCurrency() : currency;
            final double fundingPaid = state.funding().paidInInstrument(i);
            final long settlements = state.funding().settlements(i);
            lines.add(String.format(Locale.ROOT, "perpetual %s: contracts %s, entry %.2f, mark %s, notional %.2f, " +
                    "unrealized %+.2f, margin %.2f (%sx), liquidation %s, funding paid %+.4f in %d settlement%s",
                instruments.symbols().get(i), signed(account.contracts(i)), account.entryPrice(i),
                FixedPoint.toString(state.marks().mark(i)), account.notional(i), account.unrealizedPnl(i),
                account.initialMargin(i), plain(account.leverage(i)), price(account.liquidationPrice(i)), fundingPaid,
                settlements, settlements == 1 ? "" : "s"));
        }
        lines.add(String.format(Locale.ROOT, "margin account (%s): collateral %.2f, equity %.2f, margin used %.2f, " +
                "available %.2f, margin ratio %.2f%%, effective leverage %.2fx", currency, account.collateral(),
            account.marginBalance(), account.marginUsed(), account.availableMargin(), percent(account.marginRatio()),
            finite(account.effectiveLeverage())));
        lines.add(String.format(Locale.ROOT, "funding: paid %.4f, received %.4f over %d settlements; market liquidations %d",
            Math.max(0, state.funding().totalPaid()), Math.max(0, -state.funding().totalPaid()),
            state.funding().settlements(), totalLiquidations(state, instruments.size())));
        lines.add("trading state " + tradingState(engine));
        return lines;
    }

    /** {@code "perpetual": {...}} of the JSON summary: the same figures, for a run with a perpetual product. */
    public static void json(final ObjectNode json, final LiveEngine engine)
    {
        final InstrumentRegistry instruments = engine.core().instruments();
        if (!instruments.hasPerpetual())
        {
            return;
        }
        final PerpetualState state = engine.core().perpetuals();
        final MarginAccount account = state.account();
        final ObjectNode perpetual = json.putObject("perpetual");
        final ObjectNode products = perpetual.putObject("products");
        for (int i = 0; i < instruments.size(); i++)
        {
            if (instruments.perpetual(i) == null)
            {
                continue;
            }
            products.putObject(instruments.symbols().get(i))
                .putRawValue("contracts", JsonOutput.fixed(FixedPoint.toDouble(account.contracts(i)), 8))
                .putRawValue("entry_price", JsonOutput.fixed(account.entryPrice(i), 8))
                .putRawValue("mark_price", JsonOutput.fixed(FixedPoint.toDouble(state.marks().mark(i)), 8))
                .putRawValue("notional", JsonOutput.fixed(account.notional(i), 6))
                .putRawValue("unrealized_pnl", JsonOutput.fixed(account.unrealizedPnl(i), 6))
                .putRawValue("margin", JsonOutput.fixed(account.initialMargin(i), 6))
                .putRawValue("liquidation_price", JsonOutput.fixed(account.liquidationPrice(i), 8))
                .putRawValue("funding_paid", JsonOutput.fixed(state.funding().paidInInstrument(i), 6))
                .put("funding_settlements", state.funding().settlements(i))
                .put("mark_updates", state.marks().updates(i))
                .put("market_liquidations", state.liquidationPrints(i));
        }
        perpetual.putRawValue("collateral", JsonOutput.fixed(account.collateral(), 6))
            .putRawValue("margin_balance", JsonOutput.fixed(account.marginBalance(), 6))
            .putRawValue("margin_used", JsonOutput.fixed(account.marginUsed(), 6))
            .putRawValue("margin_available", JsonOutput.fixed(account.availableMargin(), 6))
            .putRawValue("margin_ratio", JsonOutput.fixed(finite(account.marginRatio()), 8))
            .putRawValue("effective_leverage", JsonOutput.fixed(finite(account.effectiveLeverage()), 8))
            .put("trading_state", tradingState(engine));
    }

    private static String tradingState(final LiveEngine engine)
    {
        if (engine.tradingSwitch().isHalted())
        {
            return "HALTED";
        }
        final CoreMetrics m = engine.coreMetrics();
        return TradingState.values()[(int) m.tradingState.get()].name();
    }

    private static long totalLiquidations(final PerpetualState state, final int instruments)
    {
        long total = 0;
        for (int i = 0; i < instruments; i++)
        {
            total += state.liquidationPrints(i);
        }
        return total;
    }

    private static String signed(final long contracts)
    {
        return (contracts > 0 ? "+" : "") + FixedPoint.toString(contracts);
    }

    private static String plain(final double value)
    {
        return FixedPoint.toString(FixedPoint.fromDouble(value));
    }

    private static String price(final double price)
    {
        return price > 0 ? String.format(Locale.ROOT, "%.2f", price) : "none";
    }

    private static double percent(final double ratio)
    {
        return finite(ratio) * 100;
    }

    /** An account with no equity left has an infinite ratio: shown as the largest double rather than "Infinity". */
    private static double finite(final double value)
    {
        return Double.isInfinite(value) ? Double.MAX_VALUE : value;
    }
}
