package dev.peregrine.gateway.binance;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.binance.BinanceProducts;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one-byte-key member table both Binance messages read through. */
class MessageFieldsTest
{
    private final InstrumentRegistry registry = BinanceProducts.CATALOG.registryFor(List.of("BTCUSDT"));
    private final MessageFields fields = new MessageFields(registry, "stTpm", MessageFields.SYMBOL,
        MessageFields.INTEGER, MessageFields.MILLIS, MessageFields.DECIMAL, MessageFields.BUYER_IS_MAKER);
    private final JsonScanner scanner = new JsonScanner();
    private int length;

    @Test
    void readsEachKindAndIgnoresOtherKeys()
    {
        assertNull(read("{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":7,\"T\":2,\"p\":\"1.5\",\"m\":false,\"M\":true}"));
        assertEquals(registry.idOf("BTCUSDT"), fields.value(0));
        assertEquals(7, fields.value(1));
        assertEquals(2_000_000L, fields.value(2));
        assertEquals(FixedPoint.SCALE + FixedPoint.SCALE / 2, fields.value(3));
        assertEquals(Side.SELL, fields.value(4));
        assertEquals(length, scanner.position());
    }

    @Test
    void theFirstProblemWinsAndTheWalkEndsPastTheObject()
    {
        assertEquals(DropReason.WRONG_TYPE, read("{\"s\":\"BTCUSDT\",\"t\":\"7\",\"T\":2,\"p\":1,\"m\":true}"));
        assertEquals(length, scanner.position());
        assertEquals(DropReason.BAD_SIDE, read("{\"s\":\"BTCUSDT\",\"t\":7,\"T\":2,\"p\":\"1\",\"m\":1}"));
        assertEquals(DropReason.UNKNOWN_PRODUCT, read("{\"s\":\"ETHUSDT\",\"t\":7,\"T\":2,\"p\":\"1\",\"m\":true}"));
    }

    @Test
    void aMissingMemberDropsTheMessage()
    {
        assertEquals(DropReason.MISSING_FIELD, read("{\"s\":\"BTCUSDT\",\"t\":7,\"T\":2,\"p\":\"1\"}"));
    }

    @Test
    void keysAreCaseSensitive()
    {
        assertEquals(DropReason.MISSING_FIELD, read("{\"s\":\"BTCUSDT\",\"t\":7,\"t\":2,\"p\":\"1\",\"m\":true}"));
    }

    @Test
    void oneKindPerKey()
    {
        assertThrows(IllegalArgumentException.class, () -> new MessageFields(registry, "st", MessageFields.SYMBOL));
    }

    @Test
    void parseErrorsMapToTheirReasons()
    {
        assertEquals(DropReason.TOO_MANY_DECIMALS, DropReason.ofDecimalError(FixedPoint.ERR_TOO_MANY_DECIMALS));
        assertEquals(DropReason.NUMBER_OVERFLOW, DropReason.ofDecimalError(FixedPoint.ERR_OVERFLOW));
        assertEquals(DropReason.BAD_NUMBER, DropReason.ofDecimalError(FixedPoint.ERR_SYNTAX));
        assertEquals(DropReason.BAD_NUMBER, DropReason.ofUnsignedError(-1));
        assertEquals(DropReason.NUMBER_OVERFLOW, DropReason.ofUnsignedError(-2));
    }

    private DropReason read(final String json)
    {
        final byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        length = bytes.length;
        scanner.wrap(bytes, 0, bytes.length);
        return fields.read(scanner);
    }
}
