package dev.peregrine.gateway.orders;

import java.nio.file.Path;

/**
 * The files an API key was read from, so the live venue can re-read them when they are rotated: either may be null
 * (that half came from the environment and does not change while the engine runs).
 *
 * @param keyFile    the file holding the API key (Coinbase: its name)
 * @param secretFile the file holding its secret (Binance: the HMAC secret or Ed25519 PEM; Coinbase: the private key PEM)
 */
public record KeyFiles(Path keyFile, Path secretFile)
{
    public static final KeyFiles NONE = new KeyFiles(null, null);

    /** True when at least one half comes from a file, so there is something to watch. */
    public boolean any()
    {
        return keyFile != null || secretFile != null;
    }
}
