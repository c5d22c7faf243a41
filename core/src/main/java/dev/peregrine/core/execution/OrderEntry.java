package dev.peregrine.core.execution;

/** How a strategy places orders. Implemented by {@link ExecutionEngine}; called on the core thread. */
public interface OrderEntry
{
    /**
     * Sends an immediate-or-cancel market order through risk to the venue.
     *
     * @param quantity scaled, positive.
     * @return the order id, or -1 if risk or the venue rejected it (the reason is in the outputs).
     */
    long submitMarketOrder(int instrumentId, int side, long quantity);
}
