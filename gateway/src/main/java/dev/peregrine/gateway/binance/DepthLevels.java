package dev.peregrine.gateway.binance;

import dev.peregrine.core.event.Side;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * The price levels of one depth message (a diff or a REST snapshot), parsed and validated before any
 * of them is published: bids first, then asks, each as (side, price, absolute quantity).
 *
 * <p>Reused for every message. The arrays grow to the largest message seen (a 5000-level snapshot is
 * 10,000 levels) and never shrink, so after warm-up parsing allocates nothing.
 */
public final class DepthLevels
{
    private int[] sides;
    private long[] prices;
    private long[] quantities;
    private int size;
    private final BinanceFields fields = new BinanceFields();

    public DepthLevels(final int initialCapacity)
    {
        if (initialCapacity < 1)
        {
            throw new IllegalArgumentException("initial capacity must be >= 1, was " + initialCapacity);
        }
        sides = new int[initialCapacity];
        prices = new long[initialCapacity];
        quantities = new long[initialCapacity];
    }

    public void clear()
    {
        size = 0;
    }

    public int size()
    {
        return size;
    }

    public int side(final int index)
    {
        return sides[index];
    }

    public long price(final int index)
    {
        return prices[index];
    }

    public long quantity(final int index)
    {
        return quantities[index];
    }

    /** Appends one level; for tests and the simulator, which build levels without JSON. */
    public void add(final int side, final long price, final long quantity)
    {
        if (size == prices.length)
        {
            grow();
        }
        sides[size] = side;
        prices[size] = price;
        quantities[size] = quantity;
        size++;
    }

    /**
     * Appends every {@code ["price","qty"]} pair of the array starting at {@code arrayStart}. The caller
     * has validated the JSON structure (the envelope pass), so only content can fail here. The scanner's
     * position is restored.
     *
     * @param maxLevels the most levels the whole message may hold (both sides together)
     * @return null, or why the message must be dropped (then the levels read so far are meaningless).
     */
    DropReason parse(final JsonScanner scanner, final int arrayStart, final int side, final int maxLevels)
    {
        final int resume = scanner.position();
        scanner.position(arrayStart);
        scanner.enterArray();
        DropReason problem = null;
        while (problem == null && scanner.nextElement() == JsonScanner.ITEM)
        {
            problem = size >= maxLevels ? DropReason.TOO_MANY_ENTRIES : parseLevel(scanner, side);
        }
        scanner.position(resume);
        return problem;
    }

    private DropReason parseLevel(final JsonScanner scanner, final int side)
    {
        if (scanner.valueKind() != JsonScanner.KIND_ARRAY)
        {
            return DropReason.WRONG_TYPE;
        }
        final int afterLevel = scanner.position();
        scanner.position(scanner.valueStart());
        scanner.enterArray();
        long price = 0;
        long quantity = 0;
        int count = 0;
        DropReason problem = null;
        while (scanner.nextElement() == JsonScanner.ITEM)
        {
            // Binance sends [price, qty]; older docs showed a third, ignored element, so more is tolerated.
            if (count < 2 && problem == null)
            {
                problem = fields.decimal(scanner);
                if (count == 0)
                {
                    price = fields.value;
                }
                else
                {
                    quantity = fields.value;
                }
            }
            count++;
        }
        scanner.position(afterLevel);
        if (problem != null)
        {
            return problem;
        }
        if (count < 2)
        {
            return DropReason.MISSING_FIELD;
        }
        if (price <= 0)
        {
            return DropReason.NON_POSITIVE_PRICE;
        }
        if (quantity < 0)
        {
            return DropReason.BAD_QUANTITY;
        }
        add(side, price, quantity);
        return null;
    }

    private void grow()
    {
        final int capacity = prices.length * 2;
        sides = java.util.Arrays.copyOf(sides, capacity);
        prices = java.util.Arrays.copyOf(prices, capacity);
        quantities = java.util.Arrays.copyOf(quantities, capacity);
    }

    /** Debugging aid; allocates. */
    @Override
    public String toString()
    {
        final StringBuilder sb = new StringBuilder("DepthLevels[");
        for (int i = 0; i < size; i++)
        {
            sb.append(i == 0 ? "" : ", ").append(Side.name(sides[i])).append(' ').append(quantities[i]).append('@').append(prices[i]);
        }
        return sb.append(']').toString();
    }
}
