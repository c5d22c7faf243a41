package dev.peregrine.ops.report;

import dev.peregrine.core.execution.ExecutionEngine;

import java.util.Map;
import java.util.TreeMap;

/**
 * Closed trades grouped the ways the tearsheet breaks them down: per product (the report's trades: the
 * account's position in each product, flat to flat), and per strategy, entry signal and exit reason from a
 * second ledger that keeps each strategy's own position per product (two strategies netting each other out
 * are two trades here and none in the product's). A trade's entry signal is the decision signal of the order
 * that opened it, its exit reason the signal of the order whose fill made it flat ({@code liquidation} for the
 * venue's, {@code none} for orders without a decision record).
 */
public final class GroupTrades
{
    public static final String NO_SIGNAL = "none";

    private final int instruments;
    private final TradeLedger strategyLedger;
    private final String[] entrySignals;
    private final Map<Integer, TradeTally> byStrategy = new TreeMap<>();
    private final Map<Integer, TradeTally> byProduct = new TreeMap<>();
    private final Map<String, TradeTally> byEntrySignal = new TreeMap<>();
    private final Map<String, TradeTally> byExitReason = new TreeMap<>();
    private final TradeTally all = new TradeTally();
    private final boolean[] traded;
    private String fillSignal = NO_SIGNAL;

    public GroupTrades(final int instruments)
    {
        this.instruments = instruments;
        this.traded = new boolean[instruments];
        final int slots = ExecutionEngine.MAX_STRATEGIES * instruments;
        this.entrySignals = new String[slots];
        this.strategyLedger = new TradeLedger(slots, this::onStrategyTrade);
    }

    /** A product-level trade closed (the report's own ledger). */
    void onProductTrade(final Trade trade)
    {
        all.add(trade);
        byProduct.computeIfAbsent(trade.instrumentId(), k -> new TradeTally()).add(trade);
    }

    /** A fill, attributed to the strategy whose order it filled and to that order's decision signal. */
    void onFill(final int strategyId, final String signal, final int instrumentId, final int direction,
        final long scaledQuantity, final double price, final double fee, final long timeNanos)
    {
        traded[instrumentId] = true;
        if (strategyId < 0 || strategyId >= ExecutionEngine.MAX_STRATEGIES)
        {
            return;
        }
        final int slot = strategyId * instruments + instrumentId;
        fillSignal = signal == null ? NO_SIGNAL : signal;
        if (strategyLedger.openPosition(slot) == 0)
        {
            entrySignals[slot] = fillSignal;
        }
        strategyLedger.onFill(slot, direction, scaledQuantity, price, fee, timeNanos);
    }

    private void onStrategyTrade(final Trade trade)
    {
        final int slot = trade.instrumentId();
        byStrategy.computeIfAbsent(slot / instruments, k -> new TradeTally()).add(trade);
        byEntrySignal.computeIfAbsent(entrySignals[slot] == null ? NO_SIGNAL : entrySignals[slot], k -> new TradeTally()).add(trade);
        byExitReason.computeIfAbsent(fillSignal, k -> new TradeTally()).add(trade);
        entrySignals[slot] = fillSignal; // a fill through zero opens the next trade with the rest
    }

    /** Strategy id to its trades (its own position per product, flat to flat). */
    public Map<Integer, TradeTally> byStrategy()
    {
        return byStrategy;
    }

    /** Instrument id to the account's trades in it. */
    public Map<Integer, TradeTally> byProduct()
    {
        return byProduct;
    }

    public Map<String, TradeTally> byEntrySignal()
    {
        return byEntrySignal;
    }

    public Map<String, TradeTally> byExitReason()
    {
        return byExitReason;
    }

    /** Whether the run had a fill in this product. */
    public boolean traded(final int instrumentId)
    {
        return traded[instrumentId];
    }

    /** Every product-level trade (the report's trade count), for SQN. */
    public TradeTally all()
    {
        return all;
    }
}
