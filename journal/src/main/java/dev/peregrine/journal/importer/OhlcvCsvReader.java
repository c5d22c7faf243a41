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
            reader.readHeader("timestamp,open,high,low,close,volume");
            final int time = reader.column(CsvReader.TIME_COLUMN, true);
            final int[] ohlcv = {
                reader.column(List.of("open"), true), reader.column(List.of("high"), true), reader.column(List.of("low"), true),
                reader.column(List.of("close"), true), reader.column(List.of("volume"), true)};
            final String[] names = {reader.columnName(ohlcv[0]), reader.columnName(ohlcv[1]), reader.columnName(ohlcv[2]),
                reader.columnName(ohlcv[3])};
            List<String> row;
            while ((row = reader.nextRow()) != null)
            {
                final long line = reader.recordLine();
                series.add(line, reader.time(row, time),
                    ScaledFieldParser.parse(row.get(ohlcv[0]), source, line, names[0], true),
                    ScaledFieldParser.parse(row.get(ohlcv[1]), source, line, names[1], true),
                    ScaledFieldParser.parse(row.get(ohlcv[2]), source, line, names[2], true),
                    ScaledFieldParser.parse(row.get(ohlcv[3]), source, line, names[3], true),
                    ScaledFieldParser.parse(row.get(ohlcv[4]), source, line, reader.columnName(ohlcv[4]), false), names);
            }
            series.finish(reader.columnName(time), false);
            return series;
        }
        catch (final IOException e)
        {
            throw new ImportException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
