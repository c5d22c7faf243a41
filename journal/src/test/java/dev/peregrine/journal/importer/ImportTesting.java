package dev.peregrine.journal.importer;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Helpers for importer tests: write a file, read every event of a source as one line of text each. */
final class ImportTesting
{
    static final long TICK = FixedPoint.parse("0.01");

    private ImportTesting()
    {
    }

    static Path write(final Path dir, final String name, final String content) throws IOException
    {
        final Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    static List<String> drain(final EventSource source)
    {
        final List<String> lines = new ArrayList<>();
        final InboundEvent event = new InboundEvent();
        try (source)
        {
            while (source.next(event))
            {
                lines.add(describe(event));
            }
        }
        return lines;
    }

    /** The fields each type uses, prices as decimals, time as epoch nanoseconds. */
    static String describe(final InboundEvent e)
    {
        final String head = EventType.name(e.type) + " t=" + e.eventTimeNanos + " i=" + e.instrumentId;
        switch (e.type)
        {
            case EventType.TRADE:
                return head + " id=" + e.tradeId + " " + FixedPoint.toString(e.quantity) + "@" + FixedPoint.toString(e.price) +
                    " maker=" + Side.name(e.side);
            case EventType.QUOTE:
                return head + " bid=" + FixedPoint.toString(e.bidQuantity) + "@" + FixedPoint.toString(e.bidPrice) + " ask=" +
                    FixedPoint.toString(e.askQuantity) + "@" + FixedPoint.toString(e.askPrice) + " last=" + FixedPoint.toString(e.price);
            case EventType.CANDLE:
                return head + " start=" + e.exchangeTimeNanos + " ohlcv=" + FixedPoint.toString(e.open) + "/" +
                    FixedPoint.toString(e.high) + "/" + FixedPoint.toString(e.low) + "/" + FixedPoint.toString(e.close) + "/" +
                    FixedPoint.toString(e.volume);
            case EventType.MARK_PRICE:
                return head + " venue=" + e.exchangeTimeNanos + " mark=" + FixedPoint.toString(e.markPrice) + " index=" +
                    FixedPoint.toString(e.indexPrice) + " rate=" + FixedPoint.toString(e.fundingRate) + " next=" +
                    e.nextFundingTimeNanos;
            case EventType.FUNDING_SETTLEMENT:
                return head + " venue=" + e.exchangeTimeNanos + " mark=" + FixedPoint.toString(e.markPrice) + " rate=" +
                    FixedPoint.toString(e.fundingRate) + " fee=" + FixedPoint.toString(e.fee) + " next=" + e.nextFundingTimeNanos;
            default:
                return head;
        }
    }
}
