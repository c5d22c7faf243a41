package dev.peregrine.gateway.orders;

/**
 * The configured Coinbase credentials cannot be used. The message says what is wrong and how to fix
 * it, and never contains any part of the secret.
 */
public final class CredentialsException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public CredentialsException(final String message)
    {
        super(message);
    }
}
