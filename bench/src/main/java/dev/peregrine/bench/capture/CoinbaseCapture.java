package dev.peregrine.bench.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The received WebSocket frames of the real Coinbase Advanced Trade capture, as the bytes the gateway
 * would see. Setup-time code: it allocates freely and parses the cryptofeed envelope with Jackson.
 */
public final class CoinbaseCapture
{
    /** One received frame: its channel, the type of its first event, and the raw text as UTF-8. */
    public static final class Frame
    {
        public final String channel;
        public final String eventType;
        public final byte[] bytes;

        Frame(final String channel, final String eventType, final byte[] bytes)
        {
            this.channel = channel;
            this.eventType = eventType;
            this.bytes = bytes;
        }

        @Override
        public String toString()
        {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private final List<Frame> frames;

    private CoinbaseCapture(final List<Frame> frames)
    {
        this.frames = frames;
    }

    public static CoinbaseCapture load(final String explicitDir)
    {
        final Path file = RealCaptures.file(explicitDir, RealCaptures.COINBASE);
        final ObjectMapper mapper = new ObjectMapper();
        final List<Frame> frames = new ArrayList<>();
        RealCaptures.forEachLine(file, line ->
        {
            try
            {
                final JsonNode envelope = mapper.readTree(line);
                if (!"recv".equals(envelope.path("t").asText()))
                {
                    return;
                }
                final String text = envelope.get("data").asText();
                final JsonNode frame = mapper.readTree(text);
                final JsonNode events = frame.path("events");
                final String eventType = events.size() > 0 ? events.get(0).path("type").asText() : "";
                frames.add(new Frame(frame.path("channel").asText(), eventType, text.getBytes(StandardCharsets.UTF_8)));
            }
            catch (final JsonProcessingException ex)
            {
                throw new IllegalStateException("unreadable line in " + file, ex);
            }
        });
        return new CoinbaseCapture(frames);
    }

    public List<Frame> frames()
    {
        return frames;
    }

    /** The first frame of {@code channel} whose first event has {@code eventType}; fails if there is none. */
    public Frame first(final String channel, final String eventType)
    {
        for (final Frame frame : frames)
        {
            if (frame.channel.equals(channel) && frame.eventType.equals(eventType))
            {
                return frame;
            }
        }
        throw new IllegalStateException("no " + channel + " " + eventType + " frame in the Coinbase capture");
    }
}
