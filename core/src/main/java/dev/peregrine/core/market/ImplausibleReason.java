package dev.peregrine.core.market;

/**
 * Why the core dropped a market-data event as impossible ({@link MarketSanity}). The labels are Prometheus
 * label values of {@code peregrine_market_data_dropped_total}: never rename one, only add.
 */
public enum ImplausibleReason
{
    /** A price of zero or below (a quote side, a trade, a book level that adds quantity). */
    NON_POSITIVE_PRICE("non_positive_price"),
    /** Outside the venue's range for the instrument (the catalog reference price / x factor), or above {@link MarketSanity#MAX_PRICE}. */
    OUT_OF_RANGE("out_of_range"),
    /** Farther from the instrument's reference than the band allows. */
    OUTSIDE_BAND("outside_band"),
    /** A larger jump from the last accepted price than one update may make. */
    MAX_MOVE("max_move"),
    /** A quote (ticker) whose bid is at or above its ask. */
    CROSSED_QUOTE("crossed_quote");

    private final String label;

    ImplausibleReason(final String label)
    {
        this.label = label;
    }

    public String label()
    {
        return label;
    }
}
