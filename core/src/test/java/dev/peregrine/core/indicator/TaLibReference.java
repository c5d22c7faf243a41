package dev.peregrine.core.indicator;

import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares a Peregrine indicator's per-update outputs with a TA-Lib batch output: not ready before
 * TA-Lib's first output, ready from it on, and every value after it within {@value #RELATIVE}
 * relative. Counts the compared values per indicator for the report.
 */
final class TaLibReference
{
    static final double RELATIVE = 1e-9;
    static final Core CORE = new Core();
    static final Map<String, Long> COMPARED = new TreeMap<>();
    static final Map<String, Double> WORST = new TreeMap<>();

    private TaLibReference()
    {
    }

    /** One TA-Lib output: its status, first index, length and values. */
    static final class Output
    {
        final MInteger begin = new MInteger();
        final MInteger length = new MInteger();
        final double[] values;
        RetCode code;

        Output(final int n)
        {
            values = new double[n];
        }
    }

    static void check(final String name, final double[] mine, final boolean[] ready, final Output ta)
    {
        check(name, mine, ready, ta, 0.0);
    }

    /**
     * @param absoluteFloor differences up to this are accepted whatever the magnitude (0 for a purely
     *                      relative check); used only where a test says why.
     */
    static void check(final String name, final double[] mine, final boolean[] ready, final Output ta,
        final double absoluteFloor)
    {
        assertEquals(RetCode.Success, ta.code, name);
        final int begin = ta.begin.value;
        assertEquals(mine.length - begin, ta.length.value, name + ": TA-Lib output length");
        for (int i = 0; i < begin; i++)
        {
            if (ready[i])
            {
                fail(name + ": ready at update " + i + " but TA-Lib's first output is at " + begin);
            }
        }
        double worst = 0.0;
        for (int i = begin; i < mine.length; i++)
        {
            assertTrue(ready[i], name + ": not ready at update " + i + " (TA-Lib's first output is at " + begin + ")");
            final double expected = ta.values[i - begin];
            final double actual = mine[i];
            final double diff = Math.abs(actual - expected);
            final double scale = Math.max(Math.abs(actual), Math.abs(expected));
            if (!(diff <= RELATIVE * scale || diff <= absoluteFloor))
            {
                fail(name + ": update " + i + " expected " + expected + " (TA-Lib) but was " + actual +
                    ", relative difference " + diff / scale);
            }
            if (scale > 0)
            {
                worst = Math.max(worst, diff / scale);
            }
        }
        COMPARED.merge(name.replaceAll("\\(.*", ""), (long)(mine.length - begin), Long::sum);
        WORST.merge(name.replaceAll("\\(.*", ""), worst, Math::max);
    }
}
