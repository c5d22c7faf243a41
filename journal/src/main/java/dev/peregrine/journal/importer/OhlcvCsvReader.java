package dev.peregrine.journal.importer;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The generic OHLCV CSV, the same files {@code peregrine indicators} reads: a header naming
 * {@code timestamp} (or {@code time}, {@code date}, {@code datetime}), {@code open}, {@code high},
 * {@code low}, {@code close}, {@code volume} in any case and order (other columns are ignored), then one
 * candle a row. The timestamp is the candle's start ({@link Timestamps}: ISO-8601 or epoch seconds or
 * milliseconds); rows strictly increase in time.
 */
public final class OhlcvCsvReader
{
    private OhlcvCsvReader()
    {
    }

    public static CandleSeries read(final InputFile file)
    {
        final String source = file.path().toString();
        final CandleSeries series = new CandleSeries(source);
        try (CsvReader reader = new CsvReader(new InputStreamReader(file.content(), StandardCharsets.UTF_8), source))
        {
            final List<String> header = reader.next();
            if (header == null || header.isEmpty())
            {
                throw new ImportException(source + ":1: empty " + (header == null ? "file" : "line") +
                    " where the header belongs (expected: timestamp,open,high,low,close,volume)");
            }
            if (CsvColumns.looksLikeData(header))
            {
                throw new ImportException(source + ":1: no header line (expected column names timestamp,open,high,low," +
                    "close,volume before the data)");
            }
            final CsvColumns columns = new CsvColumns(source, header);
            final int time = columns.find(CsvColumns.TIME, true);
            final int[] ohlcv = {
                columns.find(List.of("open"), true), columns.find(List.of("high"), true), columns.find(List.of("low"), true),
                columns.find(List.of("close"), true), columns.find(List.of("volume"), true)};
            final String[] names = {columns.name(ohlcv[0]), columns.name(ohlcv[1]), columns.name(ohlcv[2]), columns.name(ohlcv[3])};
            List<String> row;
            while ((row = reader.next()) != null)
            {
                final long line = reader.recordLine();
                if (row.isEmpty())
                {
                    continue;
                }
                columns.checkWidth(row, line);
                series.add(line, columns.time(row, time, line),
                    Decimals.parse(row.get(ohlcv[0]), source, line, names[0], true),
                    Decimals.parse(row.get(ohlcv[1]), source, line, names[1], true),
                    Decimals.parse(row.get(ohlcv[2]), source, line, names[2], true),
                    Decimals.parse(row.get(ohlcv[3]), source, line, names[3], true),
                    Decimals.parse(row.get(ohlcv[4]), source, line, columns.name(ohlcv[4]), false), names);
            }
            series.finish(columns.name(time), false);
            return series;
        }
        catch (final IOException e)
        {
            throw new ImportException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
