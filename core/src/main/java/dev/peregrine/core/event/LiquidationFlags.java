package dev.peregrine.core.event;

/**
 * Bits of {@link InboundEvent#flags} for {@link EventType#LIQUIDATION}.
 *
 * <p>Without a bit (flags 0) a LIQUIDATION is a liquidation order printed on the market (Binance USD-M
 * {@code forceOrder}): information only, counted. {@link #OWN_POSITION} marks the venue closing the account's own
 * position (Binance USD-M: a fill of its {@code autoclose-} LIQUIDATION order in {@code ORDER_TRADE_UPDATE}): price,
 * quantity, the side of the venue's closing order and the fee it charged ({@code fee}, positive = paid). The core then
 * closes the position as the paper venue's liquidation does, so positions, PnL, margin and the digest follow the
 * venue. Journaled with the event (flags are part of every record), so a replay closes it alike.
 */
public final class LiquidationFlags
{
    /** The venue closed our own position (the event's side is the side of its closing order). */
    public static final int OWN_POSITION = 1;

    private LiquidationFlags()
    {
    }

    /** True for a LIQUIDATION of the account's own position. */
    public static boolean isOwnPosition(final InboundEvent event)
    {
        return event.type == EventType.LIQUIDATION && (event.flags & OWN_POSITION) != 0;
    }
}
