package dev.peregrine.gateway.venue;

import java.nio.file.Path;

/**
 * The API key a {@link VenueSimulator} accepts, as {@code peregrine sim} reports it: its name, and where a
 * throwaway key made for the simulator was written (the files a {@code run} configuration's secrets name).
 * Never the private key itself.
 */
public interface SimulatorKey
{
    /** The key name signed requests must carry. */
    String keyName();

    /** Where the generated key's name was written; null when the public key was given. */
    Path keyNameFile();

    /** Where the generated key's private half was written; null when the public key was given. */
    Path privateKeyFile();

    /** True when the folder already held a generated key. */
    boolean reused();

    /**
     * The key's kind as people name it ({@code Ed25519}, {@code ECDSA P-256}, {@code HMAC-SHA256}), for the lines
     * {@code peregrine sim} prints; {@code API} when the venue has one kind only.
     */
    default String keyAlgorithm()
    {
        return "API";
    }

    /** True when the key was made for the simulator rather than given as a public key file. */
    default boolean generated()
    {
        return privateKeyFile() != null;
    }
}
