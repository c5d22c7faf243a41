package dev.peregrine.journal.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Coinbase candles as the Exchange REST API ({@code GET /products/<id>/candles}) returns them, columns
 * {@code time, low, high, open, close, volume} (note: low before high, open after), time the candle's
 * start in epoch seconds (ISO-8601 also accepted):
 * <ul>
 *   <li>JSON, an array of arrays, the API's own answer: {@code [[1723161240, 60010.5, 60090, 60020, 60080.1, 12.5], ...]};</li>
 *   <li>CSV of the same six columns, with or without the header line {@code time,low,high,open,close,volume}.</li>
 * </ul>
 * The API answers newest first; a file in that order is reversed (one that is neither increasing nor
 * decreasing throughout is an error naming the line).
 */
public final class CoinbaseCandleReader
{
    static final List<String> COLUMNS = List.of("time", "low", "high", "open", "close", "volume");
    private static final String[] NAMES = {"open", "high", "low", "close"};

    private CoinbaseCandleReader()
    {
    }

    /** Reads the JSON or CSV form, told apart by the first character that is not white space. */
    public static CandleSeries read(final InputFile file)
    {
        final String source = file.path().toString();
        try
        {
            final InputStream in = file.content();
            in.mark(1 << 12);
            int c;
            do
            {
                c = in.read();
            }
            while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF);
            in.reset();
            final Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
            return c == '[' ? readJson(reader, source) : readCsv(reader, source);
        }
        catch (final IOException e)
        {
            throw new ImportException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static CandleSeries readCsv(final Reader in, final String source) throws IOException
    {
        final CandleSeries series = new CandleSeries(source);
        try (CsvReader reader = new CsvReader(in, source))
        {
            List<String> row;
            while ((row = reader.next()) != null)
            {
                final long line = reader.recordLine();
                if (row.isEmpty())
                {
                    continue;
                }
                if (line == 1 && !CsvReader.looksLikeData(row))
                {
                    final List<String> header = new ArrayList<>();
                    for (final String name : row)
                    {
                        header.add(name.trim().toLowerCase(java.util.Locale.ROOT));
                    }
                    if (!header.equals(COLUMNS))
                    {
                        throw new ImportException(source + ":1: header '" + String.join(",", row) + "' is not Coinbase's " +
                            String.join(",", COLUMNS) + " (for other column orders use --format ohlcv)");
                    }
                    continue;
                }
                if (row.size() != COLUMNS.size())
                {
                    throw new ImportException(source + ":" + line + ": expected 6 fields (" + String.join(",", COLUMNS) +
                        "), found " + row.size());
                }
                add(series, line, row.toArray(new String[0]), source);
            }
        }
        series.finish("time", true);
        return series;
    }

    private static void add(final CandleSeries series, final long line, final String[] f, final String source)
    {
        final long time = CsvReader.epochNanos(f[0], source, line, "time");
        final long low = ScaledFieldParser.parse(f[1], source, line, "low", true);
        final long high = ScaledFieldParser.parse(f[2], source, line, "high", true);
        final long open = ScaledFieldParser.parse(f[3], source, line, "open", true);
        final long close = ScaledFieldParser.parse(f[4], source, line, "close", true);
        final long volume = ScaledFieldParser.parse(f[5], source, line, "volume", false);
        series.add(line, time, open, high, low, close, volume, NAMES);
    }

    /** The API's array of arrays; strings holding numbers are accepted too (some clients re-serialize so). */
    private static CandleSeries readJson(final Reader raw, final String source) throws IOException
    {
        final CandleSeries series = new CandleSeries(source);
        final Json json = new Json(new PushbackReader(raw, 2), source);
        json.expect('[');
        if (json.peek() == ']')
        {
            json.read();
        }
        else
        {
            do
            {
                json.expect('[');
                final long line = json.line;
                final String[] fields = new String[COLUMNS.size()];
                for (int i = 0; i < fields.length; i++)
                {
                    if (i > 0)
                    {
                        final int c = json.read();
                        if (c != ',')
                        {
                            throw ImportException.at(source, json.line, "candle " + (series.size() + 1),
                                "has " + i + " values, expected 6 (" + String.join(",", COLUMNS) + ")");
                        }
                    }
                    fields[i] = json.scalar();
                }
                if (json.read() != ']')
                {
                    throw ImportException.at(source, json.line, "candle " + (series.size() + 1),
                        "has more than 6 values (" + String.join(",", COLUMNS) + ")");
                }
                add(series, line, fields, source);
            }
            while (json.read() == ',' || unexpectedEnd(json));
        }
        series.finish("time", true);
        return series;
    }

    private static boolean unexpectedEnd(final Json json)
    {
        if (json.last != ']')
        {
            throw new ImportException(json.source + ":" + json.line + ": expected ',' or ']' after a candle");
        }
        return false;
    }

    /** Just enough JSON for an array of arrays of numbers, with line numbers for the messages. */
    private static final class Json
    {
        private final PushbackReader in;
        private final String source;
        private long line = 1;
        private int last;

        Json(final PushbackReader in, final String source)
        {
            this.in = in;
            this.source = source;
        }

        int read() throws IOException
        {
            int c;
            do
            {
                c = in.read();
                if (c == '\n')
                {
                    line++;
                }
            }
            while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF');
            last = c;
            return c;
        }

        int peek() throws IOException
        {
            final int c = read();
            if (c >= 0)
            {
                in.unread(c);
            }
            return c;
        }

        void expect(final char wanted) throws IOException
        {
            final int c = read();
            if (c != wanted)
            {
                throw new ImportException(source + ":" + line + ": expected '" + wanted + "' (Coinbase candles are " +
                    "[[time,low,high,open,close,volume],...]), found " + (c < 0 ? "the end of the file" : "'" + (char)c + "'"));
            }
        }

        String scalar() throws IOException
        {
            final int first = read();
            final StringBuilder sb = new StringBuilder();
            if (first == '"')
            {
                int c;
                while ((c = in.read()) != '"')
                {
                    if (c < 0 || c == '\n')
                    {
                        throw new ImportException(source + ":" + line + ": unterminated string");
                    }
                    sb.append((char)c);
                }
                return sb.toString();
            }
            int c = first;
            while (c >= 0 && c != ',' && c != ']' && c != ' ' && c != '\n' && c != '\r' && c != '\t')
            {
                sb.append((char)c);
                c = in.read();
            }
            if (c >= 0)
            {
                in.unread(c);
            }
            return sb.toString();
        }
    }
}
