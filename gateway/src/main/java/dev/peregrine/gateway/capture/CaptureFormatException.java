package dev.peregrine.gateway.capture;

/** A capture file that is missing, unreadable or not in a format Peregrine replays; the message says which. */
public final class CaptureFormatException extends RuntimeException
{
    public CaptureFormatException(final String message)
    {
        super(message);
    }

    public CaptureFormatException(final String message, final Throwable cause)
    {
        super(message, cause);
    }
}
