package dev.peregrine.journal.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tells the format of a data path by its content, never by its name alone:
 * <ul>
 *   <li>a folder (or a {@code .cq4} file, meaning its folder): a Peregrine journal;</li>
 *   <li>first non-blank character {@code [}: Coinbase candles as JSON;</li>
 *   <li>a header line: {@code time,low,high,open,close,volume} exactly is Coinbase candles, one naming
 *       open, high, low and close is the generic OHLCV CSV, one naming price and a quantity column is the
 *       generic trades CSV, {@code id,price,qty,...,is_buyer_maker,...} is a Binance archive;</li>
 *   <li>no header: seven fields whose sixth and seventh are true/false is a Binance trade archive, six
 *       numbers are Coinbase candles.</li>
 * </ul>
 * Anything else is an error asking for {@code --format}.
 */
public final class FormatDetector
{
    private FormatDetector()
    {
    }

    public static DataFormat detect(final Path path)
    {
        if (Files.isDirectory(path) || path.getFileName().toString().endsWith(".cq4"))
        {
            return DataFormat.JOURNAL;
        }
        final String first = firstLine(path);
        if (first == null)
        {
            throw new ImportException(path + ": empty file, no data");
        }
        final String trimmed = first.strip().replace("\uFEFF", "");
        if (trimmed.startsWith("["))
        {
            return DataFormat.COINBASE_CANDLES;
        }
        final List<String> fields = new ArrayList<>();
        for (final String f : trimmed.split(",", -1))
        {
            fields.add(f.trim().replace("\"", "").toLowerCase(Locale.ROOT));
        }
        if (fields.equals(CoinbaseCandleReader.COLUMNS))
        {
            return DataFormat.COINBASE_CANDLES;
        }
        if (fields.contains("is_buyer_maker"))
        {
            return DataFormat.BINANCE_TRADES;
        }
        if (fields.contains("open") && fields.contains("high") && fields.contains("low") && fields.contains("close"))
        {
            return DataFormat.OHLCV;
        }
        if (fields.contains("price") && (fields.contains("quantity") || fields.contains("qty") || fields.contains("size") ||
            fields.contains("amount")))
        {
            return DataFormat.TRADES;
        }
        if (fields.size() == 7 && isBool(fields.get(5)) && isBool(fields.get(6)))
        {
            return DataFormat.BINANCE_TRADES;
        }
        if (fields.size() == 6 && allNumbers(fields))
        {
            return DataFormat.COINBASE_CANDLES;
        }
        throw new ImportException(path + ":1: cannot tell the format from the first line '" +
            BinanceTradeSource.abbreviate(trimmed) + "'; name it with --format (" + String.join(", ", DataFormat.names()) + ")");
    }

    private static String firstLine(final Path path)
    {
        try (InputFile file = InputFile.open(path);
             BufferedReader reader = new BufferedReader(new InputStreamReader(file.content(), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = reader.readLine()) != null)
            {
                if (!line.isBlank())
                {
                    return line.length() > 4096 ? line.substring(0, 4096) : line;
                }
            }
            return null;
        }
        catch (final IOException e)
        {
            throw new ImportException(path + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isBool(final String s)
    {
        return "true".equals(s) || "false".equals(s);
    }

    private static boolean allNumbers(final List<String> fields)
    {
        for (final String f : fields)
        {
            if (f.isEmpty() || !f.matches("[+-]?[0-9.eE+-]+"))
            {
                return false;
            }
        }
        return true;
    }
}
