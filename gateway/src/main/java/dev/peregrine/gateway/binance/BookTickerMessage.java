package dev.peregrine.gateway.binance;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * Scratch fields of one {@code <sym>@bookTicker} payload
 * {@code {"u":..,"s":"BTCUSDT","b":"..","B":"..","a":"..","A":".."}}, decoded and validated before a
 * ring slot is claimed. It becomes a QUOTE with {@code venueSequence = u} (the book's update id);
 * the spot bookTicker carries neither a time nor a last price, so both stay 0 (the core keeps the
 * last trade price when a quote brings none).
 */
final class BookTickerMessage
{
    private static final int ALL = 0b11_1111;

    private final InstrumentRegistry registry;
    private final BinanceFields fields = new BinanceFields();
    int instrumentId;
    long updateId;
    long bidPrice;
    long bidQuantity;
    long askPrice;
    long askQuantity;

    BookTickerMessage(final InstrumentRegistry registry)
    {
        this.registry = registry;
    }

    DropReason decode(final JsonScanner scanner)
    {
        scanner.enterObject();
        int seen = 0;
        DropReason problem = null;
        while (scanner.nextMember() == JsonScanner.ITEM)
        {
            if (problem != null)
            {
                continue;
            }
            // One-byte keys, case-sensitive ('b' bid, 'B' bid quantity): one switch, not a keyEquals chain.
            switch (scanner.singleByteKey())
            {
                case 'u':
                    seen |= 1;
                    problem = fields.integer(scanner);
                    updateId = fields.value;
                    break;
                case 's':
                    seen |= 2;
                    problem = fields.symbol(scanner, registry);
                    instrumentId = (int)fields.value;
                    break;
                case 'b':
                    seen |= 4;
                    problem = fields.decimal(scanner);
                    bidPrice = fields.value;
                    break;
                case 'B':
                    seen |= 8;
                    problem = fields.decimal(scanner);
                    bidQuantity = fields.value;
                    break;
                case 'a':
                    seen |= 16;
                    problem = fields.decimal(scanner);
                    askPrice = fields.value;
                    break;
                case 'A':
                    seen |= 32;
                    problem = fields.decimal(scanner);
                    askQuantity = fields.value;
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
        if (bidPrice <= 0 || askPrice <= 0)
        {
            return DropReason.NON_POSITIVE_PRICE;
        }
        return bidQuantity < 0 || askQuantity < 0 ? DropReason.BAD_QUANTITY : null;
    }

    void copyTo(final InboundEvent event, final long receiveEpochNanos, final long receiveNanoTime)
    {
        event.clearInputs();
        event.type = EventType.QUOTE;
        event.instrumentId = instrumentId;
        event.venueSequence = updateId;
        event.eventTimeNanos = receiveEpochNanos;
        event.receiveNanoTime = receiveNanoTime;
        event.bidPrice = bidPrice;
        event.bidQuantity = bidQuantity;
        event.askPrice = askPrice;
        event.askQuantity = askQuantity;
    }
}
