package dev.peregrine.core.decision;

import dev.peregrine.core.order.OrderTerms;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.risk.RejectReason;

/**
 * Why an order exists: the strategy's signal and the indicator values behind it (written by the
 * strategy just before it submits), and what the engine adds at submission: the strategy id, the order,
 * the top of the book, the position, and how risk judged it (every check passed, or the reject reason
 * and how many checks passed before it).
 *
 * <p>A pre-allocated, reused flyweight. Signal and value names are strings the strategy keeps as
 * constants, so annotating an order allocates nothing; at most {@link #MAX_VALUES} values are kept (a
 * further one is counted in {@link #droppedValues()} rather than silently lost).
 */
public final class DecisionRecord extends OrderTerms
{
    /** Values one decision can carry: indicators, thresholds, book features. */
    public static final int MAX_VALUES = 8;
    /** The signal of an order whose strategy gave none. */
    public static final String NO_SIGNAL = "unexplained";

    private String signal = NO_SIGNAL;
    private int valueCount;
    private int droppedValues;
    private final String[] names = new String[MAX_VALUES];
    private final double[] values = new double[MAX_VALUES];

    private long timeNanos;
    private long bidPrice;
    private long bidQuantity;
    private long askPrice;
    private long askQuantity;
    private long position;
    private int checksPassed;
    private RejectReason outcome = RejectReason.NONE;
    private int causeType;

    /** An empty record: no signal, no values, a market order until {@link #record} fills it in. */
    public DecisionRecord()
    {
        type = OrderType.MARKET;
    }

    /** Names the signal that made the strategy act, e.g. {@code "ema-cross-up"}. */
    public DecisionRecord signal(final String signal)
    {
        this.signal = signal == null ? NO_SIGNAL : signal;
        return this;
    }

    /** Adds a named value (an indicator, a threshold) to the explanation. */
    public DecisionRecord value(final String name, final double value)
    {
        if (valueCount == MAX_VALUES)
        {
            droppedValues++;
            return this;
        }
        names[valueCount] = name;
        values[valueCount] = value;
        valueCount++;
        return this;
    }

    /** Forgets the strategy's part; called once an order has taken it. */
    public void clearExplanation()
    {
        signal = NO_SIGNAL;
        valueCount = 0;
        droppedValues = 0;
        for (int i = 0; i < MAX_VALUES; i++)
        {
            names[i] = null;
        }
    }

    /** The strategy's part of {@code note}, then the engine's part: called by execution on submission. */
    public void record(
        final DecisionRecord note,
        final int strategyId,
        final long orderId,
        final int instrumentId,
        final int side,
        final OrderType type,
        final long quantity,
        final long limitPrice,
        final long timeNanos,
        final int causeType)
    {
        signal = note.signal;
        valueCount = note.valueCount;
        droppedValues = note.droppedValues;
        System.arraycopy(note.names, 0, names, 0, MAX_VALUES);
        System.arraycopy(note.values, 0, values, 0, MAX_VALUES);
        terms(orderId, strategyId, instrumentId, side, type, quantity, limitPrice);
        this.timeNanos = timeNanos;
        this.causeType = causeType;
    }

    /** The book the decision saw: best bid and ask with their sizes (0 where a side is empty). */
    public void book(final long bidPrice, final long bidQuantity, final long askPrice, final long askQuantity)
    {
        this.bidPrice = bidPrice;
        this.bidQuantity = bidQuantity;
        this.askPrice = askPrice;
        this.askQuantity = askQuantity;
    }

    /** The engine's position in the instrument before the order, and how risk judged it. */
    public void verdict(final long position, final int checksPassed, final RejectReason outcome)
    {
        this.position = position;
        this.checksPassed = checksPassed;
        this.outcome = outcome;
    }

    /** Copies every field of {@code other}: for readers that rebuild records from a journal. */
    public void copyFrom(final DecisionRecord other)
    {
        record(other, other.strategyId, other.orderId, other.instrumentId, other.side, other.type, other.quantity,
            other.limitPrice, other.timeNanos, other.causeType);
        book(other.bidPrice, other.bidQuantity, other.askPrice, other.askQuantity);
        verdict(other.position, other.checksPassed, other.outcome);
    }

    public String signal()
    {
        return signal;
    }

    public int valueCount()
    {
        return valueCount;
    }

    public String valueName(final int index)
    {
        return names[index];
    }

    public double value(final int index)
    {
        return values[index];
    }

    /** Values the strategy added beyond {@link #MAX_VALUES}. */
    public int droppedValues()
    {
        return droppedValues;
    }

    public long timeNanos()
    {
        return timeNanos;
    }

    public long bidPrice()
    {
        return bidPrice;
    }

    public long bidQuantity()
    {
        return bidQuantity;
    }

    public long askPrice()
    {
        return askPrice;
    }

    public long askQuantity()
    {
        return askQuantity;
    }

    /** Engine-wide position in the instrument just before this order (scaled). */
    public long position()
    {
        return position;
    }

    /** Risk checks that passed: all of them when {@link #accepted()}, else those before the rejecting one. */
    public int checksPassed()
    {
        return checksPassed;
    }

    /** {@link RejectReason#NONE} if the order passed and was sent. */
    public RejectReason outcome()
    {
        return outcome;
    }

    public boolean accepted()
    {
        return outcome == RejectReason.NONE;
    }

    /** The {@code EventType} of the input that caused the decision. */
    public int causeType()
    {
        return causeType;
    }

    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, signal.hashCode());
        for (int i = 0; i < valueCount; i++)
        {
            h = Hash64.mix(h, names[i] == null ? 0 : names[i].hashCode());
            h = Hash64.mix(h, values[i]);
        }
        h = Hash64.mix(h, strategyId);
        h = Hash64.mix(h, orderId);
        h = Hash64.mix(h, instrumentId);
        h = Hash64.mix(h, side);
        h = Hash64.mix(h, type.ordinal());
        h = Hash64.mix(h, quantity);
        h = Hash64.mix(h, limitPrice);
        h = Hash64.mix(h, timeNanos);
        h = Hash64.mix(h, bidPrice);
        h = Hash64.mix(h, bidQuantity);
        h = Hash64.mix(h, askPrice);
        h = Hash64.mix(h, askQuantity);
        h = Hash64.mix(h, position);
        h = Hash64.mix(h, checksPassed);
        h = Hash64.mix(h, outcome.ordinal());
        return Hash64.mix(h, causeType);
    }
}
