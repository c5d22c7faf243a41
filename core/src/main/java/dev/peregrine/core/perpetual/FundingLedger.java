package dev.peregrine.core.perpetual;

import dev.peregrine.core.output.Hash64;

import java.util.Arrays;

/**
 * Funding paid per strategy and instrument, settlement currency (doubles, as PnL is elsewhere in the core: replay
 * reproduces them bit for bit). Positive = paid, negative = received. Strategy 0 is the engine's own orders (exits,
 * operator flattening). Core thread only; no allocation.
 */
public final class FundingLedger
{
    private final int instrumentCount;
    /** [strategyId * instrumentCount + instrumentId]. */
    private double[] paid;
    private final long[] settlements;
    private long settlementsApplied;
    private final SettledFunding latest;

    /** @param strategyCount the configured strategies (ids 1..strategyCount); id 0 is added for the engine. */
    public FundingLedger(final int strategyCount, final int instrumentCount)
    {
        this.instrumentCount = instrumentCount;
        this.paid = new double[(strategyCount + 1) * instrumentCount];
        this.settlements = new long[instrumentCount];
        this.latest = new SettledFunding(strategyCount + 1, instrumentCount);
    }

    /** The latest funding time settled per instrument (one time is settled once), with its counters. */
    public SettledFunding latest()
    {
        return latest;
    }

    /**
     * Makes room for strategy ids up to {@code strategyCount} (a settings change added strategies); what was booked
     * stays. Allocates only when it grows; called between events.
     */
    public void ensureStrategies(final int strategyCount)
    {
        final int slots = (strategyCount + 1) * instrumentCount;
        if (slots > paid.length)
        {
            paid = Arrays.copyOf(paid, slots);
        }
        latest.ensureSlots(strategyCount + 1);
    }

    /** Books one payment (positive = the strategy paid). */
    public void book(final int strategyId, final int instrumentId, final double payment)
    {
        paid[strategyId * instrumentCount + instrumentId] += payment;
    }

    /** Counts one FUNDING_SETTLEMENT applied to the instrument. */
    public void settled(final int instrumentId)
    {
        settlements[instrumentId]++;
        settlementsApplied++;
    }

    /** Funding the strategy paid in the instrument (negative: received). */
    public double paid(final int strategyId, final int instrumentId)
    {
        final int slot = strategyId * instrumentCount + instrumentId;
        return slot >= 0 && slot < paid.length ? paid[slot] : 0.0;
    }

    /** Funding the strategy paid over every instrument. */
    public double paidByStrategy(final int strategyId)
    {
        double total = 0.0;
        for (int i = 0; i < instrumentCount; i++)
        {
            total += paid(strategyId, i);
        }
        return total;
    }

    /** Funding paid in the instrument by every strategy. */
    public double paidInInstrument(final int instrumentId)
    {
        double total = 0.0;
        for (int s = 0, n = strategySlots(); s < n; s++)
        {
            total += paid[s * instrumentCount + instrumentId];
        }
        return total;
    }

    /** Funding paid by the whole engine. */
    public double totalPaid()
    {
        double total = 0.0;
        for (final double p : paid)
        {
            total += p;
        }
        return total;
    }

    /** How many FUNDING_SETTLEMENT events were applied to the instrument. */
    public long settlements(final int instrumentId)
    {
        return settlements[instrumentId];
    }

    /** How many FUNDING_SETTLEMENT events were applied in all. */
    public long settlements()
    {
        return settlementsApplied;
    }

    /** Strategy ids the ledger has room for: 0 (the engine) to this minus one. */
    public int strategySlots()
    {
        return instrumentCount == 0 ? 0 : paid.length / instrumentCount;
    }

    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, settlementsApplied);
        for (final double p : paid)
        {
            h = Hash64.mix(h, Double.doubleToLongBits(p));
        }
        for (final long s : settlements)
        {
            h = Hash64.mix(h, s);
        }
        return latest.hash(h);
    }
}
