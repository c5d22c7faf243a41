package dev.peregrine.ops.backtest;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressBarTest
{
    @Test
    void itsAgentRedrawsTheLineOnItsOwnThreadAndCloseClearsItWithNoRedrawAfter() throws Exception
    {
        final StringWriter text = new StringWriter();
        final PrintWriter err = new PrintWriter(text);
        final AtomicLong events = new AtomicLong(1_000);
        final ProgressBar bar = new ProgressBar(err, "backtest", events::get, () -> 0.25);
        final long deadline = System.nanoTime() + 10_000_000_000L;
        while (!snapshot(text).contains("events/s") && System.nanoTime() < deadline)
        {
            Thread.sleep(20);
        }
        assertThat(snapshot(text)).startsWith("\rbacktest [########").contains(" 25% ", "1,000 events");
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().equals("peregrine-progress"));

        bar.close();
        final String closed = snapshot(text);
        assertThat(closed).endsWith("\r");
        Thread.sleep(3 * 1000 / ProgressBar.REDRAWS_PER_SECOND);
        assertThat(snapshot(text)).as("nothing drawn after close").isEqualTo(closed);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("peregrine-progress") && t.isAlive());
    }

    private static String snapshot(final StringWriter text)
    {
        synchronized (text.getBuffer())
        {
            return text.toString();
        }
    }
}
