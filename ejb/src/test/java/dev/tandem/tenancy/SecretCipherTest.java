package dev.tandem.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    @Test
    void sealedSecretsOpenToTheOriginalAndNeverContainIt() {
        SecretCipher cipher = new SecretCipher(key(7));
        String sealed = cipher.seal("EAAG-access-token-ü");
        assertFalse(sealed.contains("access-token"));
        assertEquals("EAAG-access-token-ü", cipher.open(sealed));
    }

    @Test
    void sealingTheSameSecretTwiceGivesDifferentCiphertexts() {
        SecretCipher cipher = new SecretCipher(key(7));
        assertNotEquals(cipher.seal("same"), cipher.seal("same"));
    }

    @Test
    void aWrongKeyOrATamperedCiphertextIsRefused() {
        String sealed = new SecretCipher(key(7)).seal("secret");
        assertThrows(IllegalStateException.class, () -> new SecretCipher(key(8)).open(sealed));
        byte[] raw = java.util.Base64.getDecoder().decode(sealed.substring("v1:".length()));
        raw[raw.length - 1] ^= 1; // one flipped bit in the authentication tag
        String tampered = "v1:" + java.util.Base64.getEncoder().encodeToString(raw);
        assertThrows(IllegalStateException.class, () -> new SecretCipher(key(7)).open(tampered));
    }

    @Test
    void keysMustBe32BytesAndNullStaysNull() {
        assertThrows(IllegalStateException.class, () -> new SecretCipher(new byte[16]));
        assertNull(new SecretCipher(key(1)).seal(null));
        assertNull(new SecretCipher(key(1)).open(null));
    }
}
