package dev.peregrine.gateway.binance.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Jackson for the emulated Binance's answers and stream events (plain maps and lists, written in insertion order),
 * and the venue's decimal form: quantities and prices as strings with eight decimals.
 */
public final class EmulatorJson
{
    /** Binance spot shows eight decimals on every amount. */
    public static final int DECIMALS = 8;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EmulatorJson()
    {
    }

    public static String write(final Object value)
    {
        try
        {
            return MAPPER.writeValueAsString(value);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("cannot write emulator JSON: " + ex.getOriginalMessage(), ex);
        }
    }

    /** {@code "0.10000000"}: the venue's form of an amount; null as zero. */
    public static String amount(final BigDecimal value)
    {
        return (value == null ? BigDecimal.ZERO : value).setScale(DECIMALS, RoundingMode.HALF_UP).toPlainString();
    }
}
