package dev.peregrine.core.risk;

import dev.peregrine.core.execution.PositionBook;

/**
 * One pre-trade rule. Runs on the core thread for every order before it leaves; returns
 * {@link RejectReason#NONE} to let the order pass, or the reason it may not.
 */
public interface RiskCheck
{
    RejectReason check(int instrumentId, int side, long quantity, PositionBook positions);
}
