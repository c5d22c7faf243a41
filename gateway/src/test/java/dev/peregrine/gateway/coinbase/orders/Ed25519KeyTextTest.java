package dev.peregrine.gateway.coinbase.orders;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class Ed25519KeyTextTest
{
    /** RFC 8032 section 7.1, test 1: the secret seed, its public key, and the signature of the empty message. */
    private static final String SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555f" +
        "b8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";

    @Test
    void readsSeedThenPublicKeyAsTheVenueLaysThemOut() throws Exception
    {
        final String secret = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(SEED + PUBLIC));
        final KeyPair pair = Ed25519KeyText.parse(secret);

        assertThat(HexFormat.of().formatHex(Ed25519KeyText.rawPublicKey(pair.getPublic()))).isEqualTo(PUBLIC);
        final Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        assertThat(HexFormat.of().formatHex(signer.sign())).isEqualTo(SIGNATURE);
        assertThat(Ed25519KeyText.format(pair)).isEqualTo(secret);
    }

    @Test
    void aGeneratedKeyRoundTripsThroughItsText()
    {
        final KeyPair pair = Ed25519KeyText.generate();
        final String text = Ed25519KeyText.format(pair);
        assertThat(Base64.getDecoder().decode(text)).hasSize(Ed25519KeyText.SECRET_BYTES);
        assertThat(Ed25519KeyText.parse(text).getPublic()).isEqualTo(pair.getPublic());
        assertThat(Ed25519KeyText.looksLikeEd25519(text)).isTrue();
        assertThat(Ed25519KeyText.looksLikeEd25519("-----BEGIN EC PRIVATE KEY-----\n")).isFalse();
    }
}
