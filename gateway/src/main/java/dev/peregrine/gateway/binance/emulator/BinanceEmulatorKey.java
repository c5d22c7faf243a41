package dev.peregrine.gateway.binance.emulator;

import java.security.PublicKey;

/**
 * The one API key the emulated Binance accepts: its {@code X-MBX-APIKEY} value and how its signatures are checked,
 * HMAC-SHA256 with a shared secret, or Ed25519 with the public half of the user's key (one of the two is null).
 */
public record BinanceEmulatorKey(String apiKey, String hmacSecret, PublicKey ed25519PublicKey)
{
}
