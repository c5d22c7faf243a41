package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.InstrumentStatus;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The table-driven walk every Coinbase entry shares: kinds, required members, flags, first problem wins. */
class EntryFieldsTest
{
    private static final EntryLayout LAYOUT = new EntryLayout()
        .member(0, "product_id", EntryLayout.PRODUCT)
        .member(1, "price", EntryLayout.PRICE)
        .member(2, "id", EntryLayout.INTEGER)
        .member(3, "time", EntryLayout.TIME)
        .member(4, "side", EntryLayout.TRADE_SIDE)
        .member(5, "level_side", EntryLayout.BOOK_SIDE)
        .member(6, "status", EntryLayout.STATUS)
        .member(7, "halted", EntryLayout.FLAG);

    /** One member of each range-checked kind. */
    private static final EntryLayout RANGES = new EntryLayout()
        .member(0, "quantity", EntryLayout.QUANTITY)
        .member(1, "size", EntryLayout.SIZE)
        .member(2, "price", EntryLayout.PRICE)
        .member(3, "start", EntryLayout.EPOCH_SECONDS);

    private final InstrumentRegistry registry = CoinbaseProducts.CATALOG.registryFor(List.of("BTC-USD", "ETH-USD"));
    private final EntryFields fields = new EntryFields(LAYOUT, registry);
    private final JsonScanner scanner = new JsonScanner();

    @Test
    void readsEveryKindByMemberIndex()
    {
        assertNull(read("{\"product_id\":\"ETH-USD\",\"price\":\"12.5\",\"id\":\"42\",\"time\":\"1970-01-01T00:00:01Z\","
            + "\"side\":\"SELL\",\"level_side\":\"bid\",\"status\":\"delisted\",\"halted\":true,\"other\":[1,2]}"));
        assertEquals(registry.idOf("ETH-USD"), fields.value(0));
        assertEquals(12 * FixedPoint.SCALE + FixedPoint.SCALE / 2, fields.value(1));
        assertEquals(42, fields.value(2));
        assertEquals(1_000_000_000L, fields.value(3));
        assertEquals(Side.SELL, fields.value(4));
        assertEquals(Side.BUY, fields.value(5));
        assertEquals(InstrumentStatus.OFFLINE, fields.value(6));
        assertEquals(1, fields.value(7));
    }

    @Test
    void aFlagIsOptionalAndResetForEachEntry()
    {
        assertNull(read(complete(",\"halted\":true")));
        assertEquals(1, fields.value(7));
        assertNull(read(complete("")));
        assertEquals(0, fields.value(7));
    }

    @Test
    void aMissingRequiredMemberDropsTheEntry()
    {
        assertEquals(DropReason.MISSING_FIELD, read("{\"product_id\":\"BTC-USD\",\"price\":\"1\"}"));
    }

    @Test
    void theFirstProblemWins()
    {
        assertEquals(DropReason.UNKNOWN_PRODUCT, read(complete("").replace("BTC-USD", "XRP-USD")));
        assertEquals(DropReason.WRONG_TYPE, read(complete("").replace("\"price\":\"1\"", "\"price\":1")));
        assertEquals(DropReason.BAD_SIDE, read(complete("").replace("\"BUY\"", "\"buy\"")));
        assertEquals(DropReason.BAD_TIMESTAMP, read(complete("").replace("1970-01-01T00:00:01Z", "yesterday")));
        assertEquals(DropReason.WRONG_TYPE, read("[]"));
    }

    @Test
    void anUnknownStatusIsReadNotDropped()
    {
        assertNull(read(complete("").replace("online", "sleeping")));
        assertEquals(InstrumentStatus.UNKNOWN, fields.value(6));
    }

    @Test
    void copyFromTakesEveryValue()
    {
        assertNull(read(complete("")));
        final EntryFields copy = new EntryFields(LAYOUT, registry);
        copy.copyFrom(fields);
        for (int i = 0; i < LAYOUT.size(); i++)
        {
            assertEquals(fields.value(i), copy.value(i));
        }
    }

    @Test
    void rangesAreCheckedTimestampThenPriceThenQuantity()
    {
        final EntryFields ranges = new EntryFields(RANGES, null);
        assertNull(read(ranges, ranged("0", "1", "1", "1")));
        assertEquals(DropReason.BAD_QUANTITY, read(ranges, ranged("-1", "1", "1", "1")));
        assertEquals(DropReason.BAD_QUANTITY, read(ranges, ranged("0", "0", "1", "1")));
        assertEquals(DropReason.NON_POSITIVE_PRICE, read(ranges, ranged("-1", "0", "0", "1")));
        assertEquals(DropReason.BAD_TIMESTAMP, read(ranges, ranged("-1", "0", "0", "9223372037")));
        assertNull(read(ranges, ranged("0", "1", "1", "9223372036")));
    }

    @Test
    void membersMustBeAddedInIndexOrder()
    {
        assertThrows(IllegalStateException.class, () -> new EntryLayout().member(1, "price", EntryLayout.PRICE));
    }

    private static String complete(final String extra)
    {
        return "{\"product_id\":\"BTC-USD\",\"price\":\"1\",\"id\":\"7\",\"time\":\"1970-01-01T00:00:01Z\","
            + "\"side\":\"BUY\",\"level_side\":\"offer\",\"status\":\"online\"" + extra + "}";
    }

    private static String ranged(final String quantity, final String size, final String price, final String start)
    {
        return "{\"quantity\":\"" + quantity + "\",\"size\":\"" + size + "\",\"price\":\"" + price
            + "\",\"start\":\"" + start + "\"}";
    }

    private DropReason read(final String json)
    {
        return read(fields, json);
    }

    private DropReason read(final EntryFields target, final String json)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        scanner.wrap(bytes, 0, bytes.length);
        return target.decode(scanner);
    }
}
