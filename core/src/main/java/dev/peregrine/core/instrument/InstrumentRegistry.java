package dev.peregrine.core.instrument;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Maps venue symbols to dense instrument ids, in registration order, so the mapping is the same in a
 * live run and in the replay of its journal (the journal header records the symbol list).
 *
 * <p>The byte lookup serves decoders: it compares the symbol bytes of a frame in place, without making
 * a {@code String}. A linear scan beats hashing for the handful of products one engine trades.
 * Registration happens before the engine starts; lookups are then read-only and safe from any thread.
 */
public final class InstrumentRegistry
{
    private final List<Instrument> instruments = new ArrayList<>();
    private byte[][] symbolBytes = new byte[0][];
    /** Indexed by instrument id; null for spot. */
    private PerpetualTerms[] perpetuals = new PerpetualTerms[0];

    /** Registers a spot {@code symbol} and returns its id; registering the same symbol twice is an error. */
    public Instrument register(final String symbol, final long priceIncrement, final long sizeIncrement)
    {
        return register(symbol, priceIncrement, sizeIncrement, null);
    }

    /**
     * Registers {@code symbol}, a perpetual future when {@code perpetual} is not null, and returns its id; registering
     * the same symbol twice is an error.
     */
    public Instrument register(final String symbol, final long priceIncrement, final long sizeIncrement,
        final PerpetualTerms perpetual)
    {
        if (find(symbol) != null)
        {
            throw new IllegalArgumentException("instrument '" + symbol + "' is registered twice");
        }
        final Instrument instrument = new Instrument(instruments.size(), symbol, priceIncrement, sizeIncrement);
        instruments.add(instrument);
        final byte[][] grown = new byte[instruments.size()][];
        System.arraycopy(symbolBytes, 0, grown, 0, symbolBytes.length);
        grown[grown.length - 1] = symbol.getBytes(StandardCharsets.US_ASCII);
        symbolBytes = grown;
        final PerpetualTerms[] terms = Arrays.copyOf(perpetuals, instruments.size());
        terms[terms.length - 1] = perpetual;
        perpetuals = terms;
        return instrument;
    }

    /** The perpetual terms of the instrument, or null when it is spot (or the id is not registered). */
    public PerpetualTerms perpetual(final int instrumentId)
    {
        final PerpetualTerms[] terms = perpetuals;
        return instrumentId >= 0 && instrumentId < terms.length ? terms[instrumentId] : null;
    }

    /** Whether any registered instrument is a perpetual: perpetual state shows in hashes and digests only then. */
    public boolean hasPerpetual()
    {
        for (final PerpetualTerms terms : perpetuals)
        {
            if (terms != null)
            {
                return true;
            }
        }
        return false;
    }

    public int size()
    {
        return instruments.size();
    }

    public Instrument get(final int id)
    {
        return instruments.get(id);
    }

    /** The instrument of that symbol, or null. */
    public Instrument find(final String symbol)
    {
        for (final Instrument instrument : instruments)
        {
            if (instrument.symbol().equals(symbol))
            {
                return instrument;
            }
        }
        return null;
    }

    /** Id of the symbol spelled by {@code bytes[offset, offset + length)}, or -1. Allocation-free. */
    public int idOf(final byte[] bytes, final int offset, final int length)
    {
        final byte[][] symbols = symbolBytes;
        for (int id = 0; id < symbols.length; id++)
        {
            final byte[] symbol = symbols[id];
            if (symbol.length == length && regionEquals(symbol, bytes, offset))
            {
                return id;
            }
        }
        return -1;
    }

    /** Id of the symbol, or -1; a convenience for code that already holds a string. */
    public int idOf(final String symbol)
    {
        final Instrument instrument = find(symbol);
        return instrument == null ? -1 : instrument.id();
    }

    public List<Instrument> all()
    {
        return Collections.unmodifiableList(instruments);
    }

    public List<String> symbols()
    {
        final List<String> symbols = new ArrayList<>(instruments.size());
        for (final Instrument instrument : instruments)
        {
            symbols.add(instrument.symbol());
        }
        return symbols;
    }

    private static boolean regionEquals(final byte[] symbol, final byte[] bytes, final int offset)
    {
        for (int i = 0; i < symbol.length; i++)
        {
            if (symbol[i] != bytes[offset + i])
            {
                return false;
            }
        }
        return true;
    }
}
