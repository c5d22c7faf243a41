package dev.peregrine.journal.backtest;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.journal.importer.DataFormat;
import dev.peregrine.journal.importer.ProductNames;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks, settings and summary lines of a backtest's {@link PerpetualInputs} ({@code --marks}, {@code --funding},
 * {@code --collateral}, {@code --leverage}): the files exist, go with a trades or candles file (a journal holds its
 * own marks, funding and margin settings), name no other product than the data's; the product is a perpetual; the
 * leverage is within its maximum. Everything is checked before any data is read, and every problem is listed at once,
 * as {@link Backtest#plan} does for the rest of the request.
 */
final class PerpetualChecks
{
    private PerpetualChecks()
    {
    }

    /** The problems of {@code request}'s perpetual inputs for a run on {@code product} (null when unknown). */
    static List<String> problems(final BacktestRequest request, final DataFormat format, final String product)
    {
        final List<String> problems = new ArrayList<>();
        final PerpetualInputs p = request.perpetual();
        if (!p.any())
        {
            return problems;
        }
        if (format == DataFormat.JOURNAL)
        {
            if (p.files())
            {
                problems.add("--marks and --funding go with a trades or candles file, not a journal (a journal holds " +
                    "the marks and funding it recorded)");
            }
            if (p.margin())
            {
                problems.add("--collateral and --leverage do not apply to a journal (its header records the margin " +
                    "account it ran with)");
            }
            return problems;
        }
        check("--marks", p.marks(), request.catalog(), product, problems);
        check("--funding", p.funding(), request.catalog(), product, problems);
        final ProductCatalog.Product found = product == null ? null : request.catalog().find(product);
        if (found == null)
        {
            return problems;
        }
        if (found.perpetual() == null)
        {
            problems.add((p.files() ? "--marks and --funding" : "--collateral and --leverage") + " are for a perpetual " +
                "product; '" + product + "' is spot in the catalog (choose the venue that lists it as a perpetual, " +
                "e.g. --venue binance-usdm)");
        }
        else if (p.leverage() != 0 && (p.leverage() < FixedPoint.SCALE || p.leverage() > found.perpetual().maxLeverage()))
        {
            problems.add("--leverage " + FixedPoint.toString(p.leverage()) + " is outside 1 to " + product + "'s maximum of " +
                FixedPoint.toString(found.perpetual().maxLeverage()));
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

    /** {@code settings} with the collateral and leverage asked for (each product's leverage; spot ignores it). */
    static EngineSettings withMargin(final EngineSettings settings, final PerpetualInputs p)
    {
        if (!p.margin())
        {
            return settings;
        }
        final long[] leverage = settings.leverage();
        if (p.leverage() != 0)
        {
            java.util.Arrays.fill(leverage, p.leverage());
        }
        return settings.withMargin(p.collateral() != 0 ? p.collateral() : settings.collateral(), leverage);
    }

    /** The summary's lines on the margin account and how marks and funding are fed; none for a spot product. */
    static List<String> assumptions(final BacktestRequest request, final EngineSettings settings)
    {
        final List<String> lines = new ArrayList<>();
        final ProductCatalog.Product product = request.catalog().find(settings.products().get(0));
        if (product == null || product.perpetual() == null)
        {
            return lines;
        }
        final PerpetualInputs p = request.perpetual();
        lines.add("margin account: collateral " + FixedPoint.toString(settings.collateral()) + " " +
            product.perpetual().settlementCurrency() + ", leverage " + FixedPoint.toString(settings.leverage()[0]) +
            "x on " + product.symbol() + " (--collateral, --leverage), one-way cross margin");
        if (p.marks() != null)
        {
            lines.add("marks: each mark-price kline of " + p.marks().getFileName() + " is a MARK_PRICE event at its " +
                "close_time with its close (no index price); marks before the first and after the last data event are " +
                "not fed");
        }
        else
        {
            lines.add("marks: no --marks file, so positions are valued at the core's mark from the data (top of book, " +
                "else the last trade) and each funding settlement at the last trade price or candle close");
        }
        if (p.funding() != null)
        {
            lines.add("funding: each row of " + p.funding().getFileName() + " is a FUNDING_SETTLEMENT event at its " +
                "calc_time with its rate, paid on the position held then (contracts x contract size x mark x rate; " +
                "a long pays a positive rate); settlements outside the data's time span are not fed");
        }
        else
        {
            lines.add("funding: no --funding file, so no funding is paid or received in this run");
        }
        return lines;
    }
}
