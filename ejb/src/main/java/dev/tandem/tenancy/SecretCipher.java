package dev.tandem.tenancy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seals secrets (app secrets, verify tokens, access tokens) with AES-256-GCM before they are stored.
 * The key is TANDEM_SECRET_KEY (base64 of 32 bytes). Without it, a key is generated once into the
 * server's data folder, which is fine for a demo and wrong for production (a warning says so).
 */
@ApplicationScoped
public class SecretCipher {

    private static final Logger LOG = Logger.getLogger(SecretCipher.class.getName());
    private static final String FORMAT = "v1:";
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "tandem.secret.key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "jboss.server.data.dir", defaultValue = "data")
    String dataDir;

    private SecretKeySpec key;

    public SecretCipher() {
    }

    /** For unit tests and tools: a cipher over a given 32-byte key. */
    public SecretCipher(byte[] rawKey) {
        this.key = toKey(rawKey);
    }

    @PostConstruct
    void loadKey() {
        byte[] raw = configuredKey.filter(k -> !k.isBlank())
                .map(k -> Base64.getDecoder().decode(k.strip()))
                .orElseGet(this::keyFromDataFolder);
        key = toKey(raw);
    }

    public String seal(String clearText) {
        if (clearText == null) {
            return null;
        }
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(clearText.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return FORMAT + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal secret", e);
        }
    }

    public String open(String sealedText) {
        if (sealedText == null) {
            return null;
        }
        if (!sealedText.startsWith(FORMAT)) {
            throw new IllegalStateException("unknown sealed-secret format");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealedText.substring(FORMAT.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
            return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open sealed secret: wrong TANDEM_SECRET_KEY?", e);
        }
    }

    private static SecretKeySpec toKey(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalStateException("TANDEM_SECRET_KEY must be base64 of exactly 32 bytes, got " + raw.length);
        }
        return new SecretKeySpec(raw, "AES");
    }

    private byte[] keyFromDataFolder() {
        Path file = Path.of(dataDir, "tandem", "secret.key");
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            byte[] raw = new byte[32];
            RANDOM.nextBytes(raw);
            Files.createDirectories(file.getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(raw));
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's own permissions must protect it
            }
            LOG.warning("TANDEM_SECRET_KEY is not set: generated a key in " + file
                    + ". Set TANDEM_SECRET_KEY in production and keep it safe.");
            return raw;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}
