package dev.peregrine.core.execution;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PositionBookTest
{
    private final PositionBook book = new PositionBook(1);

    private void fill(final int side, final String qty, final String price)
    {
        book.applyFill(0, side, FixedPoint.parse(qty), FixedPoint.parse(price));
    }

    @Test
    void averagesInRealizesOnReduceAndReopensOnAFlip()
    {
        fill(Side.BUY, "1", "100");
        fill(Side.BUY, "1", "110");
        assertThat(book.averagePrice(0)).isCloseTo(105.0, within(1e-12));

        fill(Side.SELL, "1.5", "120");          // closes 1.5 at +15 each
        assertThat(book.realizedPnl(0)).isCloseTo(22.5, within(1e-9));
        assertThat(book.quantity(0)).isEqualTo(FixedPoint.parse("0.5"));
        assertThat(book.averagePrice(0)).isCloseTo(105.0, within(1e-12));

        fill(Side.SELL, "1", "100");            // closes 0.5 at -5 each, opens a 0.5 short at 100
        assertThat(book.realizedPnl(0)).isCloseTo(20.0, within(1e-9));
        assertThat(book.quantity(0)).isEqualTo(FixedPoint.parse("-0.5"));
        assertThat(book.averagePrice(0)).isCloseTo(100.0, within(1e-12));
        assertThat(book.unrealizedPnl(0, FixedPoint.parse("90"))).isCloseTo(5.0, within(1e-9));

        fill(Side.BUY, "0.5", "95");            // short closed at +5 each
        assertThat(book.realizedPnl(0)).isCloseTo(22.5, within(1e-9));
        assertThat(book.quantity(0)).isZero();
        assertThat(book.unrealizedPnl(0, FixedPoint.parse("90"))).isZero();
    }
}
