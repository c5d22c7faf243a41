package dev.peregrine.journal.importer;

import dev.peregrine.core.number.FixedPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dev.peregrine.journal.importer.ImportTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BinanceFundingRatesTest
{
    @TempDir
    Path dir;

    // As the monthly archive ships it: header, settlement times a millisecond past the hour, signed rates.
    private static final String ARCHIVE = "calc_time,funding_interval_hours,last_funding_rate\n" +
        "1704067200000,8,0.00010000\n" +
        "1704096000001,8,-0.00003075\n" +
        "1704124800000,4,0.00037500\n";

    private BinanceFundingRates read(final Path file)
    {
        try (InputFile input = InputFile.open(file))
        {
            return BinanceFundingRates.read(input);
        }
    }

    @Test
    void readsTheMonthlyZipWithItsHeader() throws IOException
    {
        final Path zip = dir.resolve("BTCUSDT-fundingRate-2024-01.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out))
        {
            z.putNextEntry(new ZipEntry("BTCUSDT-fundingRate-2024-01.csv"));
            z.write(ARCHIVE.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        final BinanceFundingRates rates = read(zip);
        assertEquals(3, rates.size());
        assertEquals(1_704_067_200_000_000_000L, rates.timeNanos(0));
        assertEquals(1_704_096_000_001_000_000L, rates.timeNanos(1));
        assertEquals(FixedPoint.parse("0.0001"), rates.rate(0));
        assertEquals(10_000L, rates.rate(0)); // FixedPoint: 10000 = 0.0001
        assertEquals(-3_075L, rates.rate(1));
        assertEquals(8, rates.intervalHours(1));
        assertEquals(4, rates.intervalHours(2));
    }

    @Test
    void aFileWithoutTheHeaderIsReadToo() throws IOException
    {
        final BinanceFundingRates rates = read(write(dir, "f.csv", ARCHIVE.substring(ARCHIVE.indexOf('\n') + 1) + "\n"));
        assertEquals(3, rates.size());
        assertEquals(37_500L, rates.rate(2));
    }

    @Test
    void badRowsNameTheFileLineAndField() throws IOException
    {
        assertError("calc_time,funding_interval_hours,last_funding_rate\n1704067200000,8\n",
            ":2: expected 3 fields (calc_time,funding_interval_hours,last_funding_rate), found 2: '1704067200000,8'");
        assertError("1704067200000,8,0.0001\n1704067200000,8,0.0001\n",
            ":2: calc_time: 1704067200000 is not after the previous row's (funding settlements must be in strictly " +
                "increasing time order)");
        assertError("1704067200000,0,0.0001\n", ":1: funding_interval_hours: '0' is not a whole number of hours from 1 to 24");
        assertError("1704067200000,8h,0.0001\n", ":1: funding_interval_hours: '8h' is not a whole number of hours from 1 to 24");
        assertError("1704067200000,8,0.01%\n", ":1: last_funding_rate: '0.01%' is not a number");
        assertError("1704067200000,8,\n", ":1: last_funding_rate: empty (a number is required)");
        assertError("1704067200000,8,0.000000001\n", ":1: last_funding_rate: '0.000000001' has more than 8 decimals");
        assertError("1704067200000,8,-1.5\n", ":1: last_funding_rate: -1.5 is not a funding rate (a fraction per interval " +
            "such as 0.0001; was a percentage given?)");
        assertError("1704067200,8,0.0001\n", ":1: calc_time: 1704067200 is too small for epoch milliseconds (Binance " +
            "archives hold milliseconds, or microseconds since 2025; seconds are not accepted)");
        assertError("symbol,fundingTime,fundingRate\nBTCUSDT,1704067200000,0.0001\n",
            ":1: header: column 1 is 'symbol', expected 'calc_time' (the columns are calc_time,funding_interval_hours," +
                "last_funding_rate)");
    }

    @Test
    void aFileWithNoRowIsRefusedByName() throws IOException
    {
        final Path file = write(dir, "empty.csv", "calc_time,funding_interval_hours,last_funding_rate\n");
        final ImportException e = assertThrows(ImportException.class, () -> read(file));
        assertEquals(file + ": holds no funding rows (expected calc_time,funding_interval_hours,last_funding_rate)",
            e.getMessage());
    }

    private void assertError(final String content, final String expectedAfterFile) throws IOException
    {
        final Path file = write(dir, "bad.csv", content);
        final ImportException e = assertThrows(ImportException.class, () -> read(file));
        assertEquals(file + expectedAfterFile, e.getMessage());
    }
}
