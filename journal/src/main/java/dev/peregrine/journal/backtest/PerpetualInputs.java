package dev.peregrine.journal.backtest;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.journal.importer.DataFormat;
import dev.peregrine.journal.importer.ProductNames;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks and summary lines of a backtest's perpetual inputs ({@code --marks}, {@code --funding}): the files
 * exist, go with a trades or candles file (a journal holds its own marks and funding), name no other product than
 * the data's, and the product is a perpetual. Everything is checked before any data is read, and every problem
 * is listed at once, as {@link Backtest#plan} does for the rest of the request.
 */
final class PerpetualInputs
{
    private PerpetualInputs()
    {
    }

    /** The problems of {@code request}'s marks and funding for a run on {@code product} (null when unknown). */
    static List<String> problems(final BacktestRequest request, final DataFormat format, final String product)
    {
        final List<String> problems = new ArrayList<>();
        if (!request.perpetualInputs())
        {
            return problems;
        }
        if (format == DataFormat.JOURNAL)
        {
            problems.add("--marks and --funding go with a trades or candles file, not a journal (a journal holds " +
                "the marks and funding it recorded)");
            return problems;
        }
        check("--marks", request.marks(), request.catalog(), product, problems);
        check("--funding", request.funding(), request.catalog(), product, problems);
        if (product != null)
        {
            final ProductCatalog.Product found = request.catalog().find(product);
            if (found != null && found.perpetual() == null)
            {
                problems.add("--marks and --funding are for a perpetual product; '" + product + "' is spot in the " +
                    "catalog (choose the venue that lists it as a perpetual, e.g. --venue binance-usdm)");
            }
        }
        return problems;
    }

    private static void check(final String option, final Path file, final ProductCatalog catalog, final String product,
        final List<String> problems)
    {
        if (file == null)
        {
            return;
        }
        if (!Files.isRegularFile(file))
        {
            problems.add(option + " " + file + ": " + (Files.isDirectory(file) ? "is a folder" : "no such file"));
            return;
        }
        final String named = ProductNames.fromFileName(catalog, file);
        if (named != null && product != null && !named.equals(product))
        {
            problems.add(option + " " + file.getFileName() + ": the file name names product " + named +
                ", but the data is " + product);
        }
    }

    /** The summary's lines on how marks and funding are fed; none when neither is given. */
    static List<String> assumptions(final BacktestRequest request)
    {
        final List<String> lines = new ArrayList<>();
        if (request.marks() != null)
        {
            lines.add("marks: each mark-price kline of " + request.marks().getFileName() + " is a MARK_PRICE event at " +
                "its close_time with its close (no index price); marks before the first and after the last data " +
                "event are not fed");
        }
        else if (request.funding() != null)
        {
            lines.add("marks: no --marks file, so each funding settlement is valued at the last trade price or " +
                "candle close, and unrealized PnL follows the core's default");
        }
        if (request.funding() != null)
        {
            lines.add("funding: each row of " + request.funding().getFileName() + " is a FUNDING_SETTLEMENT event at " +
                "its calc_time with its rate, paid on the position held then (position x contract size x mark x " +
                "rate; a long pays a positive rate); settlements outside the data's time span are not fed");
        }
        else
        {
            lines.add("funding: no --funding file, so no funding is paid or received in this run");
        }
        return lines;
    }
}
