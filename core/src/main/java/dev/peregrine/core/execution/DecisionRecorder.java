package dev.peregrine.core.execution;

import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.decision.DecisionLog;
import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.risk.RejectReason;

/**
 * Records why each order was placed or refused: the strategy's note, the order, the touch it saw (the L2
 * book when synced, else the quote), the position before it and the risk verdict, in one pre-allocated
 * {@link DecisionRecord} told to the outputs and copied into the {@link DecisionLog}. Owned by the core thread.
 */
final class DecisionRecorder
{
    private final MarketState market;
    private final PositionBook positions;
    private final OutputListener outputs;
    /** The decision being recorded: told to the outputs and copied into the decision log. */
    private final DecisionRecord record = new DecisionRecord();
    private DecisionLog decisionLog = DecisionLog.NONE;

    DecisionRecorder(final MarketState market, final PositionBook positions, final OutputListener outputs)
    {
        this.market = market;
        this.positions = positions;
        this.outputs = outputs;
    }

    /** Where decisions are journaled from now on ({@link DecisionLog#NONE} for nowhere). */
    void decisionLog(final DecisionLog log)
    {
        this.decisionLog = log;
    }

    /** The inbound ring sequence of the next input (decisions wait for their cause's journaling). */
    void beginInput(final long ringSequence)
    {
        decisionLog.beginInput(ringSequence);
    }

    /**
     * Tells the outputs why the order was placed or refused and hands the record to the decision log;
     * the strategy's note is cleared for its next order.
     */
    void record(final DecisionRecord note, final int strategyId, final long orderId, final int instrumentId,
        final int side, final OrderType type, final long quantity, final long limitPrice, final long timeNanos,
        final int causeType, final int checksPassed, final RejectReason outcome)
    {
        record.record(note, strategyId, orderId, instrumentId, side, type, quantity, limitPrice, timeNanos, causeType);
        final OrderBook book = market.book(instrumentId);
        if (book.isSynced())
        {
            record.book(book.bids().bestPrice(), book.bids().bestQuantity(), book.asks().bestPrice(),
                book.asks().bestQuantity());
        }
        else
        {
            record.book(market.bidPrice(instrumentId), market.bidQuantity(instrumentId), market.askPrice(instrumentId),
                market.askQuantity(instrumentId));
        }
        record.verdict(positions.quantity(instrumentId), checksPassed, outcome);
        note.clearExplanation();
        outputs.onDecision(record);
        decisionLog.append(record);
    }

    /** The bid the last recorded decision saw (0 if none). */
    long bidPrice()
    {
        return record.bidPrice();
    }

    /** The ask the last recorded decision saw (0 if none). */
    long askPrice()
    {
        return record.askPrice();
    }
}
