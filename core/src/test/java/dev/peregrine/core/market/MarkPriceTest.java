package dev.peregrine.core.market;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where positions are marked: the quote's mid, else a synced book's mid, else the last trade. */
class MarkPriceTest
{
    private static long p(final String text)
    {
        return FixedPoint.parse(text);
    }

    @Test
    void fallsBackFromQuoteToBookToLastTrade()
    {
        final MarketState market = new MarketState(1);
        assertThat(market.markPrice(0)).isZero();
        market.onTrade(0, p("99"));
        assertThat(market.markPrice(0)).isEqualTo(p("99"));

        market.book(0).beginSnapshot();
        market.book(0).set(Side.BUY, p("100"), p("1"));
        market.book(0).set(Side.SELL, p("100.5"), p("1"));
        market.book(0).endSnapshot();
        assertThat(market.markPrice(0)).as("a feed of book messages only").isEqualTo(p("100.25"));

        market.onQuote(0, p("101"), p("1"), p("102"), p("1"), p("101"));
        assertThat(market.markPrice(0)).isEqualTo(p("101.5"));

        market.book(0).invalidate();
        market.onQuote(0, 0, 0, 0, 0, p("101"));
        assertThat(market.markPrice(0)).as("an unsynced book is not trusted").isEqualTo(p("101"));
    }
}
