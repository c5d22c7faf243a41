package dev.peregrine.ops.data;

/**
 * A download that cannot finish (a checksum mismatch, a file the server does not have, a server that keeps failing):
 * its message is the one line {@code peregrine data download} prints before exiting with 1.
 */
public final class DataDownloadException extends RuntimeException
{
    public DataDownloadException(final String message)
    {
        super(message);
    }
}
