package dev.peregrine.journal.statistics;

/**
 * One line of a {@link PnlTable}: a strategy on one product, a strategy on all its products, or the total.
 * Quote currency; realized PnL is before fees, so that {@code net = realizedBeforeFees - fees + unrealized - funding}
 * can be read off the row.
 *
 * @param strategy the strategy's name ({@code engine} for exits and flatten), or {@code total}
 * @param product  the product, or {@code all}
 * @param position signed position in base units; NaN on rows over several products (no common unit)
 * @param funding  perpetual funding paid (negative: received); 0 for spot
 */
public record PnlRow(
    String strategy,
    String product,
    double position,
    double realizedBeforeFees,
    double fees,
    double unrealized,
    double funding,
    long orders,
    long fills,
    long rejects)
{
    /** The product field of a row over all products. */
    public static final String ALL = "all";

    /** Realized after fees. */
    public double realizedAfterFees()
    {
        return realizedBeforeFees - fees;
    }

    /** Realized after fees plus unrealized, less funding paid: what the strategy made. */
    public double net()
    {
        return realizedBeforeFees - fees + unrealized - funding;
    }

    boolean active()
    {
        return orders != 0 || fills != 0 || rejects != 0 || position != 0 || funding != 0;
    }

    PnlRow plus(final String name, final String productName, final PnlRow other)
    {
        return new PnlRow(name, productName, productName.equals(ALL) ? Double.NaN : position + other.position,
            realizedBeforeFees + other.realizedBeforeFees, fees + other.fees, unrealized + other.unrealized,
            funding + other.funding, orders + other.orders, fills + other.fills, rejects + other.rejects);
    }

    static PnlRow zero(final String name, final String productName)
    {
        return new PnlRow(name, productName, productName.equals(ALL) ? Double.NaN : 0, 0, 0, 0, 0, 0, 0, 0);
    }
}
