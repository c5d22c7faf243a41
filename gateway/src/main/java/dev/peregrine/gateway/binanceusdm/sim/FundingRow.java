package dev.peregrine.gateway.binanceusdm.sim;

/**
 * One funding the simulated USD-M market settled, as {@code GET /fapi/v1/fundingRate} lists it.
 *
 * @param fundingTimeMillis the funding time (epoch milliseconds).
 * @param fundingRate       the rate applied (FixedPoint; 10000 = 0.0001), the one the mark stream announced for it.
 * @param markPrice         the mark price at that time (FixedPoint).
 */
public record FundingRow(String symbol, long fundingTimeMillis, long fundingRate, long markPrice)
{
}
