package dev.peregrine.core.event;

/**
 * Bits of {@link InboundEvent#flags} for {@link EventType#TRADE}.
 *
 * <p>{@link #SNAPSHOT} marks a trade the venue sent as history, not as news: Coinbase answers every
 * {@code market_trades} subscribe (and every resubscribe after a reconnect) with a {@code snapshot} of its
 * most recent trades, all of which printed before the engine was listening. They are worth knowing (the
 * last price, a strategy's warm-up) but must never count as trades the engine saw happen: the core keeps
 * them away from the paper venue (no order can fill against a print that predates it), away from
 * strategies that did not ask for them, and out of the live trade counts.
 *
 * <p>The bit is journaled with the event (flags are part of every record), so a replay sees exactly the
 * split the live run saw.
 */
public final class TradeFlags
{
    /** The venue sent this trade in a snapshot of recent history, not as it happened. */
    public static final int SNAPSHOT = 1;

    private TradeFlags()
    {
    }

    public static boolean has(final int flags, final int bit)
    {
        return (flags & bit) != 0;
    }

    /** True for a TRADE the venue sent as history ({@link #SNAPSHOT}). */
    public static boolean isSnapshot(final InboundEvent event)
    {
        return event.type == EventType.TRADE && (event.flags & SNAPSHOT) != 0;
    }
}
