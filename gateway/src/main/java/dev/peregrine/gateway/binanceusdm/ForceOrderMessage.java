package dev.peregrine.gateway.binanceusdm;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.MarketDataSlot;
import dev.peregrine.gateway.binance.BinanceFields;
import dev.peregrine.gateway.json.JsonScanner;

import java.nio.charset.StandardCharsets;

/**
 * Scratch fields of one liquidation order the venue printed, {@code <sym>@forceOrder} or {@code !forceOrder@arr}:
 * {@code {"e":"forceOrder","E":..,"o":{"s":"BTCUSDT","S":"SELL","o":"LIMIT","f":"IOC","q":"0.014","p":"9910",
 * "ap":"9910","X":"FILLED","l":"0.014","z":"0.014","T":..}}}. LIQUIDATION (information only): price the average
 * price {@code ap} (the order's limit {@code p} while nothing filled), quantity the filled {@code z} (the order's
 * {@code q} while nothing filled), side the liquidation order's own {@code S} (SELL: a long was closed), exchange
 * time {@code T}. Validated completely before a slot is claimed.
 */
final class ForceOrderMessage
{
    private static final byte[] ORDER = ascii("o");
    private static final byte[] SYMBOL = ascii("s");
    private static final byte[] SIDE = ascii("S");
    private static final byte[] PRICE = ascii("p");
    private static final byte[] AVERAGE_PRICE = ascii("ap");
    private static final byte[] QUANTITY = ascii("q");
    private static final byte[] FILLED = ascii("z");
    private static final byte[] TIME = ascii("T");
    private static final byte[] BUY = ascii("BUY");
    private static final byte[] SELL = ascii("SELL");

    private final InstrumentRegistry registry;
    private final BinanceFields fields = new BinanceFields();
    private int instrumentId;
    private int side;
    private long price;
    private long averagePrice;
    private long quantity;
    private long filled;
    private long timeNanos;

    ForceOrderMessage(final InstrumentRegistry registry)
    {
        this.registry = registry;
    }

    /** The data object at the scanner's position (already validated as JSON); null if good, else why it is dropped. */
    DropReason decode(final JsonScanner scanner)
    {
        scanner.enterObject();
        DropReason problem = DropReason.MISSING_FIELD;
        while (scanner.nextMember() == JsonScanner.ITEM)
        {
            if (scanner.keyEquals(ORDER) && problem == DropReason.MISSING_FIELD)
            {
                if (scanner.valueKind() != JsonScanner.KIND_OBJECT)
                {
                    problem = DropReason.WRONG_TYPE;
                    continue;
                }
                final int after = scanner.position();
                scanner.position(scanner.valueStart());
                problem = order(scanner);
                scanner.position(after);
            }
        }
        return problem;
    }

    private DropReason order(final JsonScanner scanner)
    {
        scanner.enterObject();
        int seen = 0;
        averagePrice = 0;
        filled = 0;
        DropReason problem = null;
        while (scanner.nextMember() == JsonScanner.ITEM)
        {
            if (problem != null)
            {
                continue;
            }
            if (scanner.keyEquals(SYMBOL))
            {
                seen |= 1;
                problem = fields.symbol(scanner, registry);
                instrumentId = (int)fields.value;
            }
            else if (scanner.keyEquals(SIDE))
            {
                seen |= 2;
                side = scanner.valueKind() != JsonScanner.KIND_STRING ? -1 :
                    scanner.stringEquals(BUY) ? Side.BUY : scanner.stringEquals(SELL) ? Side.SELL : -1;
                problem = side < 0 ? DropReason.BAD_SIDE : null;
            }
            else if (scanner.keyEquals(PRICE))
            {
                seen |= 4;
                problem = fields.decimal(scanner);
                price = fields.value;
            }
            else if (scanner.keyEquals(QUANTITY))
            {
                seen |= 8;
                problem = fields.decimal(scanner);
                quantity = fields.value;
            }
            else if (scanner.keyEquals(TIME))
            {
                seen |= 16;
                problem = fields.millisAsNanos(scanner);
                timeNanos = fields.value;
            }
            else if (scanner.keyEquals(AVERAGE_PRICE))
            {
                problem = fields.decimal(scanner);
                averagePrice = fields.value;
            }
            else if (scanner.keyEquals(FILLED))
            {
                problem = fields.decimal(scanner);
                filled = fields.value;
            }
        }
        if (problem != null)
        {
            return problem;
        }
        if (seen != 0b1_1111)
        {
            return DropReason.MISSING_FIELD;
        }
        if (price() <= 0)
        {
            return DropReason.NON_POSITIVE_PRICE;
        }
        return quantity() <= 0 ? DropReason.BAD_QUANTITY : null;
    }

    private long price()
    {
        return averagePrice > 0 ? averagePrice : price;
    }

    private long quantity()
    {
        return filled > 0 ? filled : quantity;
    }

    void copyTo(final InboundEvent event, final long receiveEpochNanos, final long receiveNanoTime)
    {
        MarketDataSlot.head(event, EventType.LIQUIDATION, instrumentId, 0, timeNanos, receiveEpochNanos, receiveNanoTime);
        event.price = price();
        event.quantity = quantity();
        event.side = side;
    }

    private static byte[] ascii(final String text)
    {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
