package dev.peregrine.ops;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A loopback stand-in for Binance's public archive and Coinbase's public candles endpoint, with the same paths, so
 * {@code data download --base-url} runs against it as against the venues: archive files with their {@code .CHECKSUM},
 * {@code Range} requests answered with 206, and the failures a real download meets, injected once each where asked:
 * a connection dropped mid-file, a 429 with {@code Retry-After}, a checksum that does not match.
 */
final class HistoricalDataServer implements AutoCloseable
{
    private final HttpServer server;
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    /** Paths whose first GET is cut off after half the body. */
    final Set<String> dropOnce = ConcurrentHashMap.newKeySet();
    /** Paths (or path prefixes) whose first GET answers 429 with Retry-After: 1. */
    final Set<String> rateLimitOnce = ConcurrentHashMap.newKeySet();
    /** Every request: "METHOD path [Range]". */
    final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    /** Coinbase candles by product: start second -> the candle's JSON object. */
    private final Map<String, java.util.TreeMap<Long, String>> candles = new ConcurrentHashMap<>();

    HistoricalDataServer() throws IOException
    {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl()
    {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Publishes a zip holding {@code csvName} with {@code csv}, and its checksum file (damaged when asked). */
    byte[] archive(final String path, final String csv, final boolean damagedChecksum)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final String name = path.substring(path.lastIndexOf('/') + 1);
        try (ZipOutputStream zip = new ZipOutputStream(bytes))
        {
            zip.putNextEntry(new ZipEntry(name.replace(".zip", ".csv")));
            zip.write(csv.getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        catch (final IOException ex)
        {
            throw new IllegalStateException(ex);
        }
        final byte[] zip = bytes.toByteArray();
        files.put(path, zip);
        String sha = sha256(zip);
        if (damagedChecksum)
        {
            sha = (sha.charAt(0) == '0' ? "1" : "0") + sha.substring(1);
        }
        files.put(path + ".CHECKSUM", (sha + "  " + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return zip;
    }

    /** Hourly Binance trade rows ({@code id,price,qty,quote_qty,time,is_buyer_maker,is_best_match}) for days. */
    static String trades(final LocalDate first, final int days, final long firstId)
    {
        final StringBuilder csv = new StringBuilder();
        final long start = first.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long id = firstId;
        for (long t = start; t < start + days * 86_400_000L; t += 600_000L)
        {
            final double price = 60_000 + 800 * Math.sin(t / 7_200_000.0 / 24) + 150 * Math.sin(t / 3_600_000.0);
            csv.append(id++).append(',').append(String.format(java.util.Locale.ROOT, "%.2f", price)).append(",0.01000000,")
                .append(String.format(java.util.Locale.ROOT, "%.6f", price * 0.01)).append(',').append(t).append(',')
                .append(id % 2 == 0).append(",true\n");
        }
        return csv.toString();
    }

    /** One-minute Coinbase candles for {@code product} over [from, to) days, one every minute. */
    void coinbaseCandles(final String product, final LocalDate from, final LocalDate endExclusive)
    {
        final java.util.TreeMap<Long, String> series = new java.util.TreeMap<>();
        for (long t = from.atStartOfDay(ZoneOffset.UTC).toEpochSecond(); t < endExclusive.atStartOfDay(ZoneOffset.UTC).toEpochSecond(); t += 60)
        {
            final double open = 3_000 + 40 * Math.sin(t / 5_400.0);
            final double close = 3_000 + 40 * Math.sin((t + 60) / 5_400.0);
            series.put(t, String.format(java.util.Locale.ROOT, "{\"start\":\"%d\",\"low\":\"%.2f\",\"high\":\"%.2f\",\"open\":\"%.2f\"," +
                "\"close\":\"%.2f\",\"volume\":\"1.5\"}", t, Math.min(open, close) - 1, Math.max(open, close) + 1, open, close));
        }
        candles.put(product, series);
    }

    private void handle(final HttpExchange exchange) throws IOException
    {
        final String path = exchange.getRequestURI().getPath().substring(1);
        final String range = exchange.getRequestHeaders().getFirst("Range");
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + (range == null ? "" : " " + range));
        try (exchange)
        {
            for (final String limited : rateLimitOnce)
            {
                if (path.startsWith(limited) && rateLimitOnce.remove(limited))
                {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    exchange.sendResponseHeaders(429, -1);
                    return;
                }
            }
            if (path.startsWith("api/v3/brokerage/market/products/"))
            {
                candles(exchange, path);
                return;
            }
            final byte[] body = files.get(path);
            if (body == null)
            {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            int from = 0;
            if (range != null)
            {
                from = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
                if (from >= body.length)
                {
                    exchange.sendResponseHeaders(416, -1);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            }
            exchange.sendResponseHeaders(range == null ? 200 : 206, body.length - from);
            final OutputStream out = exchange.getResponseBody();
            if (dropOnce.remove(path))
            {
                // Half the body, then the connection goes: the client sees a body shorter than its Content-Length.
                out.write(body, from, (body.length - from) / 2);
                out.flush();
                throw new IOException("dropping the connection on purpose");
            }
            out.write(body, from, body.length - from);
        }
    }

    private void candles(final HttpExchange exchange, final String path) throws IOException
    {
        final String product = path.split("/")[5];
        final Map<String, String> query = new java.util.HashMap<>();
        for (final String pair : exchange.getRequestURI().getQuery().split("&"))
        {
            query.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        final long start = Long.parseLong(query.get("start"));
        final long end = Long.parseLong(query.get("end"));
        if (!"ONE_MINUTE".equals(query.get("granularity")) || (end - start) / 60 + 1 > 350)
        {
            // As the venue does: more than 350 candles in one request is refused.
            final byte[] error = "{\"error\":\"INVALID_ARGUMENT\",\"message\":\"number of candles requested should be less than 350\"}"
                .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, error.length);
            exchange.getResponseBody().write(error);
            return;
        }
        final List<String> page = new ArrayList<>(candles.getOrDefault(product, new java.util.TreeMap<>())
            .subMap(start, true, end, true).descendingMap().values());
        final byte[] body = ("{\"candles\":[" + String.join(",", page) + "]}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
    }

    static String sha256(final byte[] bytes)
    {
        try
        {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (final NoSuchAlgorithmException ex)
        {
            throw new IllegalStateException(ex);
        }
    }

    @Override
    public void close()
    {
        server.stop(0);
    }
}
