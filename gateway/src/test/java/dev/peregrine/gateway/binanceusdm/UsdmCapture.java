package dev.peregrine.gateway.binanceusdm;

import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.gateway.testing.TestJson;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The shared real Binance USD-M capture (cryptofeed format 2, AGPL: read from the shared folder, never copied into the
 * project), as its records in receive-time order: the exchangeInfo body, the depth snapshots and the received frames.
 * Skips (fails under CI) when the file is absent.
 */
final class UsdmCapture
{
    static final String FILE = "binance_usdm_futures_4perps_20210722.cryptofeed.jsonl.gz";

    /** One http or recv record: {@code url} is null for a received frame. */
    record Line(double ts, String url, String data)
    {
    }

    final String exchangeInfo;
    /** Depth snapshots and received frames, by receive time (file order among equal times). */
    final List<Line> timeline = new ArrayList<>();

    private UsdmCapture(final String exchangeInfo)
    {
        this.exchangeInfo = exchangeInfo;
    }

    static UsdmCapture read()
    {
        final Path file = ExternalResources.sharedDataFile(FILE);
        String exchangeInfo = null;
        final List<Line> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
            StandardCharsets.UTF_8)))
        {
            String text;
            while ((text = in.readLine()) != null)
            {
                final Map<String, Object> record = TestJson.object(text);
                final String kind = (String)record.get("t");
                final String data = (String)record.get("data");
                if ("http".equals(kind) && ((String)record.get("url")).contains("/fapi/v1/exchangeInfo"))
                {
                    exchangeInfo = data;
                }
                else if ("http".equals(kind) || "recv".equals(kind))
                {
                    lines.add(new Line(((Number)record.get("ts")).doubleValue(), (String)record.get("url"), data));
                }
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        final UsdmCapture capture = new UsdmCapture(exchangeInfo);
        lines.sort(Comparator.comparingDouble(Line::ts)); // stable: file order among equal times
        capture.timeline.addAll(lines);
        return capture;
    }

    /** {@code SUSHIUSDT} from a depth snapshot's URL {@code .../fapi/v1/depth?symbol=SUSHIUSDT&limit=1000}. */
    static String symbolOf(final String url)
    {
        final int start = url.indexOf("symbol=") + "symbol=".length();
        final int end = url.indexOf('&', start);
        return url.substring(start, end < 0 ? url.length() : end);
    }
}
