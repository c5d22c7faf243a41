package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.testing.CoreHarness;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the built-in strategies' tests expect of a core's outputs, written once. */
final class ExpectedOutputs
{
    private ExpectedOutputs()
    {
    }

    /** The lines given, lists spliced in, in order. */
    static List<String> lines(final Object... parts)
    {
        final List<String> all = new ArrayList<>();
        for (final Object part : parts)
        {
            if (part instanceof List<?> list)
            {
                list.forEach(line -> all.add((String)line));
            }
            else
            {
                all.add((String)part);
            }
        }
        return all;
    }

    /** A market order on instrument 0 and its one fill. */
    static List<String> marketFill(final int orderId, final String side, final String quantity, final String price)
    {
        return List.of("ORDER #" + orderId + " i0 " + side + " " + quantity,
            "FILL #" + orderId + " i0 " + side + " " + quantity + " @ " + price);
    }

    /**
     * A position opened and closed with two market orders of the same size: #1 {@code openSide} filled at
     * {@code openPrice}, #2 the other side filled at {@code closePrice}.
     */
    static List<String> roundTrip(final String openSide, final String quantity, final String openPrice,
        final String closePrice)
    {
        final String closeSide = "BUY".equals(openSide) ? "SELL" : "BUY";
        return lines(marketFill(1, openSide, quantity, openPrice), marketFill(2, closeSide, quantity, closePrice));
    }

    /** Two cores fed the same events: the same output lines, decisions and state hash. */
    static void assertSameRun(final CoreHarness first, final CoreHarness second)
    {
        assertThat(second.outputs.lines()).isEqualTo(first.outputs.lines());
        assertThat(second.outputs.decisions()).isEqualTo(first.outputs.decisions());
        assertThat(second.core.stateHash()).isEqualTo(first.core.stateHash());
    }
}
