package dev.peregrine.journal.statistics;

import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.execution.ExecutionEngine;
import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.risk.RejectReason;

import java.util.ArrayList;
import java.util.List;

/**
 * PnL per strategy and product, kept from the core's outputs: a {@link PositionBook} per strategy (the engine,
 * id 0, for exits and flatten, included) and its orders, fills and rejects. It listens beside the output
 * digest, so a live run, its replay, a backtest and a report all hold the same accounts.
 *
 * <p>An order's strategy comes from its decision record, which the core hands over just before the order or
 * its reject; fills name only the order, so the ledger remembers the strategy of each order id in a table of
 * {@link ExecutionEngine#ORDER_CAPACITY} slots, as the core's own order store does. Called on the core thread:
 * nothing is allocated per call. Every change is also written to {@link #published()}, single-writer gauges
 * that other threads (admin API, metrics) read.
 */
public final class StrategyLedger implements OutputListener, PnlFigures
{
    private static final int MASK = ExecutionEngine.ORDER_CAPACITY - 1;

    private final int strategies;
    private final int instruments;
    private final PositionBook[] books;
    private final long[] orders;
    private final long[] fills;
    private final long[] rejects;
    private final double[] funding;
    private final long[] orderIds = new long[ExecutionEngine.ORDER_CAPACITY];
    private final int[] orderStrategies = new int[ExecutionEngine.ORDER_CAPACITY];
    private final PublishedPnl published;
    private long decidedOrder;
    private int decidedStrategy;

    /** A ledger for the strategies and products of {@code core}'s settings. */
    public static StrategyLedger forSettings(final dev.peregrine.core.engine.EngineSettings settings)
    {
        return new StrategyLedger(settings.strategyCount(), settings.products().size());
    }

    /** The table now, on the core thread (or after it stopped), at the core's marks. */
    public PnlTable table(final TradingCore core)
    {
        final double[] marks = new double[instruments];
        for (int i = 0; i < instruments; i++)
        {
            final long mark = core.market().markPrice(i);
            marks[i] = mark > 0 ? FixedPoint.toDouble(mark) : Double.NaN;
        }
        return PnlTable.of(this, strategyNames(core), core.instruments().symbols(), marks);
    }

    /** By strategy id: {@code engine} (id 0), then each strategy's name. */
    public static List<String> strategyNames(final TradingCore core)
    {
        final List<String> names = new ArrayList<>();
        names.add("engine");
        for (int i = 0; i < core.strategies().count(); i++)
        {
            names.add(core.strategies().get(i).name());
        }
        return names;
    }

    /** @param strategies the engine's strategy count (ids 1..n); id 0, the engine, is added */
    public StrategyLedger(final int strategies, final int instruments)
    {
        this.strategies = strategies + 1;
        this.instruments = instruments;
        this.books = new PositionBook[this.strategies];
        for (int s = 0; s < this.strategies; s++)
        {
            books[s] = new PositionBook(instruments);
        }
        orders = new long[this.strategies * instruments];
        fills = new long[this.strategies * instruments];
        rejects = new long[this.strategies * instruments];
        funding = new double[this.strategies * instruments];
        published = new PublishedPnl(this.strategies, instruments);
    }

    @Override
    public void onDecision(final DecisionRecord decision)
    {
        decidedOrder = decision.orderId();
        decidedStrategy = decision.strategyId();
    }

    @Override
    public void onOrder(final long orderId, final int instrumentId, final int side, final OrderType type, final long quantity,
        final long limitPrice, final long timeNanos)
    {
        final int s = orderId == decidedOrder ? strategy(decidedStrategy) : 0;
        final int slot = (int)(orderId & MASK);
        orderIds[slot] = orderId;
        orderStrategies[slot] = s;
        orders[s * instruments + instrumentId]++;
        publishCounts(s, instrumentId);
    }

    @Override
    public void onReject(final long orderId, final int instrumentId, final int side, final long quantity,
        final RejectReason reason, final long timeNanos)
    {
        // A risk reject follows its decision; a venue reject names an order that was sent.
        final int s = orderId == decidedOrder ? strategy(decidedStrategy) : strategyOf(orderId);
        rejects[s * instruments + instrumentId]++;
        publishCounts(s, instrumentId);
    }

    @Override
    public void onFill(final long orderId, final int instrumentId, final int side, final long quantity, final long price,
        final double fee, final long timeNanos)
    {
        final int s = strategyOf(orderId);
        books[s].applyFill(instrumentId, side, quantity, price, fee);
        fills[s * instruments + instrumentId]++;
        publishCounts(s, instrumentId);
        published.position[s * instruments + instrumentId].set(FixedPoint.toDouble(books[s].quantity(instrumentId)));
        published.averagePrice[s * instruments + instrumentId].set(books[s].averagePrice(instrumentId));
        published.realized[s * instruments + instrumentId].set(books[s].realizedPnl(instrumentId));
        published.fees[s * instruments + instrumentId].set(books[s].fees(instrumentId));
    }

    @Override
    public void onFunding(final int strategyId, final int instrumentId, final long contracts, final long markPrice,
        final long fundingRate, final double payment, final long timeNanos)
    {
        final int k = strategy(strategyId) * instruments + instrumentId;
        funding[k] += payment;
        published.funding[k].set(funding[k]);
    }

    @Override
    public void onAccepted(final long orderId, final int instrumentId, final long timeNanos)
    {
    }

    @Override
    public void onCancelRequested(final long orderId, final int instrumentId, final long timeNanos)
    {
    }

    @Override
    public void onExpired(final long orderId, final int instrumentId, final long leavesQuantity, final long timeNanos)
    {
    }

    @Override
    public void onCancel(final long orderId, final int instrumentId, final long quantity, final long timeNanos)
    {
    }

    /** The strategy of a sent order; the engine (0) for an id the table no longer holds. */
    private int strategyOf(final long orderId)
    {
        final int slot = (int)(orderId & MASK);
        return orderIds[slot] == orderId ? orderStrategies[slot] : 0;
    }

    private int strategy(final int id)
    {
        return id >= 0 && id < strategies ? id : 0;
    }

    private void publishCounts(final int s, final int instrument)
    {
        final int k = s * instruments + instrument;
        published.orders[k].set(orders[k]);
        published.fills[k].set(fills[k]);
        published.rejects[k].set(rejects[k]);
    }

    /** The same figures as single-writer gauges, for threads other than the core's. */
    public PnlFigures published()
    {
        return published;
    }

    @Override
    public int strategies()
    {
        return strategies;
    }

    @Override
    public int instruments()
    {
        return instruments;
    }

    @Override
    public double position(final int strategy, final int instrument)
    {
        return FixedPoint.toDouble(books[strategy].quantity(instrument));
    }

    @Override
    public double averagePrice(final int strategy, final int instrument)
    {
        return books[strategy].averagePrice(instrument);
    }

    @Override
    public double realizedBeforeFees(final int strategy, final int instrument)
    {
        return books[strategy].realizedPnl(instrument);
    }

    @Override
    public double fees(final int strategy, final int instrument)
    {
        return books[strategy].fees(instrument);
    }

    @Override
    public double funding(final int strategy, final int instrument)
    {
        return funding[strategy * instruments + instrument];
    }

    @Override
    public long orders(final int strategy, final int instrument)
    {
        return orders[strategy * instruments + instrument];
    }

    @Override
    public long fills(final int strategy, final int instrument)
    {
        return fills[strategy * instruments + instrument];
    }

    @Override
    public long rejects(final int strategy, final int instrument)
    {
        return rejects[strategy * instruments + instrument];
    }
}
