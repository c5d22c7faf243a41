package dev.peregrine.ops.cli;

import java.util.Locale;

/** Sizes on the command line: a whole number with an optional binary unit, {@code k}, {@code m}, {@code g}, {@code t}. */
public final class ByteSizes
{
    private ByteSizes()
    {
    }

    /**
     * @throws IllegalArgumentException naming the option and the text when it is not a positive size.
     */
    public static long parse(final String option, final String text)
    {
        final String t = text.trim().toLowerCase(Locale.ROOT);
        int end = 0;
        while (end < t.length() && Character.isDigit(t.charAt(end)))
        {
            end++;
        }
        final String unit = t.substring(end).replace("ib", "").replace("b", "");
        final long scale;
        switch (unit)
        {
            case "": scale = 1; break;
            case "k": scale = 1L << 10; break;
            case "m": scale = 1L << 20; break;
            case "g": scale = 1L << 30; break;
            case "t": scale = 1L << 40; break;
            default: scale = -1; break;
        }
        if (end == 0 || scale < 0 || end > 15)
        {
            throw new IllegalArgumentException(option + " '" + text + "' is not a size such as 500m or 20g");
        }
        final long value = Long.parseLong(t.substring(0, end));
        if (value <= 0 || value > Long.MAX_VALUE / scale)
        {
            throw new IllegalArgumentException(option + " '" + text + "' must be a positive size such as 500m or 20g");
        }
        return value * scale;
    }
}
