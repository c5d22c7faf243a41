package dev.peregrine.core.execution;

import dev.peregrine.core.output.Hash64;

/**
 * Every fill's fee, kept per fill in a fixed ring (the most recent {@code capacity} fills, for reports
 * and the admin API) and as running totals per instrument and liquidity (for PnL). Owned by the core
 * thread; no allocation per fill.
 */
public final class FeeLedger
{
    private final long[] orderId;
    private final int[] instrumentId;
    private final long[] quantity;
    private final long[] price;
    private final double[] fee;
    private final byte[] liquidity;
    private final int mask;
    private long fills;
    private final double[] makerFees;
    private final double[] takerFees;

    public FeeLedger(final int capacity, final int instrumentCount)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("fee ledger capacity must be a power of two, was " + capacity);
        }
        orderId = new long[capacity];
        instrumentId = new int[capacity];
        quantity = new long[capacity];
        price = new long[capacity];
        fee = new double[capacity];
        liquidity = new byte[capacity];
        mask = capacity - 1;
        makerFees = new double[instrumentCount];
        takerFees = new double[instrumentCount];
    }

    public void record(final long orderId, final int instrumentId, final long quantity, final long price,
        final double fee, final Liquidity liquidity)
    {
        final int i = (int)(fills++ & mask);
        this.orderId[i] = orderId;
        this.instrumentId[i] = instrumentId;
        this.quantity[i] = quantity;
        this.price[i] = price;
        this.fee[i] = fee;
        this.liquidity[i] = (byte)liquidity.ordinal();
        if (liquidity == Liquidity.MAKER)
        {
            makerFees[instrumentId] += fee;
        }
        else
        {
            takerFees[instrumentId] += fee;
        }
    }

    /** Fills recorded since the start (the ring keeps the last {@code capacity}). */
    public long fillCount()
    {
        return fills;
    }

    /** Index into the ring of the {@code n}-th fill ever recorded (valid for the last capacity fills). */
    public int slotOf(final long n)
    {
        return (int)(n & mask);
    }

    public long orderIdAt(final int slot)
    {
        return orderId[slot];
    }

    public int instrumentIdAt(final int slot)
    {
        return instrumentId[slot];
    }

    public long quantityAt(final int slot)
    {
        return quantity[slot];
    }

    public long priceAt(final int slot)
    {
        return price[slot];
    }

    public double feeAt(final int slot)
    {
        return fee[slot];
    }

    public Liquidity liquidityAt(final int slot)
    {
        return Liquidity.values()[liquidity[slot]];
    }

    public double makerFees(final int instrumentId)
    {
        return makerFees[instrumentId];
    }

    public double takerFees(final int instrumentId)
    {
        return takerFees[instrumentId];
    }

    public double totalFees()
    {
        double total = 0.0;
        for (int i = 0; i < makerFees.length; i++)
        {
            total += makerFees[i] + takerFees[i];
        }
        return total;
    }

    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, fills);
        for (int i = 0; i < makerFees.length; i++)
        {
            h = Hash64.mix(h, makerFees[i]);
            h = Hash64.mix(h, takerFees[i]);
        }
        return h;
    }
}
