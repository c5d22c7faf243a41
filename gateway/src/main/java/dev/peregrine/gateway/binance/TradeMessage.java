package dev.peregrine.gateway.binance;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * Scratch fields of one {@code <sym>@trade} payload
 * {@code {"e":"trade","E":..,"s":"BTCUSDT","t":..,"p":"..","q":"..","T":..,"m":true,"M":true}},
 * decoded and validated before a ring slot is claimed.
 *
 * <p>Side convention, the same as Coinbase's {@code market_trades}: {@link InboundEvent#side} is the
 * <em>maker's</em> side. {@code m} is "the buyer is the maker", so {@code m:true} (the aggressor sold,
 * the print is at the bid) is {@link Side#BUY} and {@code m:false} (the aggressor bought, the print is
 * at the ask) is {@link Side#SELL}. A strategy that wants the aggressor takes {@link Side#opposite}.
 */
final class TradeMessage
{
    private static final int ALL = 0b11_1111;

    private final InstrumentRegistry registry;
    private final BinanceFields fields = new BinanceFields();
    int instrumentId;
    long tradeId;
    long price;
    long quantity;
    long tradeTimeNanos;
    int side;

    TradeMessage(final InstrumentRegistry registry)
    {
        this.registry = registry;
    }

    /** Reads the data object at the scanner's position; null if good, else why it is dropped. */
    DropReason decode(final JsonScanner scanner)
    {
        scanner.enterObject();
        int seen = 0;
        DropReason problem = null;
        while (scanner.nextMember() == JsonScanner.ITEM)
        {
            if (problem != null)
            {
                continue; // keep walking so the cursor ends past the object; the first problem wins
            }
            // One-byte keys, case-sensitive ('t' trade id, 'T' trade time): one switch, not a keyEquals chain.
            switch (scanner.singleByteKey())
            {
                case 's':
                    seen |= 1;
                    problem = fields.symbol(scanner, registry);
                    instrumentId = (int)fields.value;
                    break;
                case 't':
                    seen |= 2;
                    problem = fields.integer(scanner);
                    tradeId = fields.value;
                    break;
                case 'p':
                    seen |= 4;
                    problem = fields.decimal(scanner);
                    price = fields.value;
                    break;
                case 'q':
                    seen |= 8;
                    problem = fields.decimal(scanner);
                    quantity = fields.value;
                    break;
                case 'T':
                    seen |= 16;
                    problem = fields.millisAsNanos(scanner);
                    tradeTimeNanos = fields.value;
                    break;
                case 'm':
                    seen |= 32;
                    final int kind = scanner.valueKind();
                    if (kind == JsonScanner.KIND_TRUE || kind == JsonScanner.KIND_FALSE)
                    {
                        side = kind == JsonScanner.KIND_TRUE ? Side.BUY : Side.SELL; // the maker's side, see above
                    }
                    else
                    {
                        problem = DropReason.BAD_SIDE;
                    }
                    break;
                default:
                    break;
            }
        }
        if (problem != null)
        {
            return problem;
        }
        if (seen != ALL)
        {
            return DropReason.MISSING_FIELD;
        }
        if (price <= 0)
        {
            return DropReason.NON_POSITIVE_PRICE;
        }
        return quantity <= 0 ? DropReason.BAD_QUANTITY : null;
    }

    void copyTo(final InboundEvent event, final long receiveEpochNanos, final long receiveNanoTime)
    {
        event.clearInputs();
        event.type = EventType.TRADE;
        event.instrumentId = instrumentId;
        event.venueSequence = tradeId; // per-symbol and contiguous on Binance: the trade stream's sequence
        event.exchangeTimeNanos = tradeTimeNanos;
        event.eventTimeNanos = receiveEpochNanos;
        event.receiveNanoTime = receiveNanoTime;
        event.tradeId = tradeId;
        event.price = price;
        event.quantity = quantity;
        event.side = side;
    }
}
