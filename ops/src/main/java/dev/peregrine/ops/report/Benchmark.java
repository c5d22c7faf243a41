package dev.peregrine.ops.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Buy and hold of the traded products over the run's span: the capital split equally between them, each
 * part bought at the product's first mark and held to the end, no fees. Products never traded are left out
 * (all of them with a mark when the run traded nothing). Before a product's first mark its part is cash.
 */
public final class Benchmark
{
    private final double capital;
    private final int[] products;
    private final double[] firstMarks;

    private Benchmark(final double capital, final int[] products, final double[] firstMarks)
    {
        this.capital = capital;
        this.products = products;
        this.firstMarks = firstMarks;
    }

    static Benchmark of(final Report report)
    {
        final PeriodCloses closes = report.closes();
        final GroupTrades groups = report.recorder().groups();
        final List<Integer> chosen = new ArrayList<>();
        for (int k = 0; k < closes.instruments(); k++)
        {
            if (groups.traded(k) && closes.firstMark(k) > 0)
            {
                chosen.add(k);
            }
        }
        if (chosen.isEmpty())
        {
            for (int k = 0; k < closes.instruments(); k++)
            {
                if (closes.firstMark(k) > 0)
                {
                    chosen.add(k);
                }
            }
        }
        final int[] ids = chosen.stream().mapToInt(Integer::intValue).toArray();
        final double[] first = new double[ids.length];
        for (int j = 0; j < ids.length; j++)
        {
            first[j] = closes.firstMark(ids[j]);
        }
        return new Benchmark(report.curve().capital(), ids, first);
    }

    /** The instrument ids held. */
    public int[] products()
    {
        return products.clone();
    }

    public boolean empty()
    {
        return products.length == 0;
    }

    /**
     * The benchmark's equity given each product's mark now (indexed by instrument id; NaN or 0 while
     * unknown): capital x mean over the held products of mark / first mark.
     */
    public double equity(final double[] marksByInstrument)
    {
        if (products.length == 0)
        {
            return capital;
        }
        double sum = 0;
        for (int j = 0; j < products.length; j++)
        {
            final double mark = marksByInstrument[products[j]];
            sum += mark > 0 ? mark / firstMarks[j] : 1.0;
        }
        return capital * sum / products.length;
    }
}
