package dev.peregrine.core.execution;

import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.engine.TradingStateMachine;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.risk.OrderRequest;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.core.risk.RiskChain;
import dev.peregrine.core.risk.RiskContext;

/**
 * Whether a new order may go: the trading state first (HALTED refuses everything, REDUCING all but
 * reducing orders), then the room left in the causing event's slot for outbound commands, then the
 * {@link RiskChain}. Owned by the core thread.
 *
 * <p>The cross-thread {@code TradingSwitch} is not read here: it is not journaled, so a decision on it
 * would not replay. The outbound stage withholds orders while it is pulled.
 */
final class OrderGate
{
    private final TradingStateMachine tradingState;
    private final RiskChain risk;
    private final RiskContext riskContext;
    private int checksPassed;

    OrderGate(final TradingStateMachine tradingState, final RiskChain risk, final RiskContext riskContext)
    {
        this.tradingState = tradingState;
        this.risk = risk;
        this.riskContext = riskContext;
    }

    /**
     * @param ordersThisEvent commands the causing event already carries
     * @return {@link RejectReason#NONE} if the order may go, else why not
     */
    RejectReason check(final OrderRequest request, final int ordersThisEvent)
    {
        checksPassed = 0;
        if (tradingState.state() == TradingState.HALTED)
        {
            return tradingState.stopping() ? RejectReason.ENGINE_STOPPING : RejectReason.TRADING_HALTED;
        }
        if (tradingState.state() == TradingState.REDUCING && !request.reducing)
        {
            return RejectReason.TRADING_REDUCING;
        }
        if (ordersThisEvent == InboundEvent.MAX_ORDERS_PER_EVENT)
        {
            return RejectReason.TOO_MANY_ORDERS;
        }
        final RejectReason reason = risk.check(request, riskContext);
        checksPassed = risk.lastPassed();
        return reason;
    }

    /** How many risk checks the last order passed (for naming them in its decision record). */
    int checksPassed()
    {
        return checksPassed;
    }

    RiskChain riskChain()
    {
        return risk;
    }
}
