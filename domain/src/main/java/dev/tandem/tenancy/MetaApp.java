package dev.tandem.tenancy;

import dev.tandem.domain.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A Meta (Facebook) app: it signs the webhooks of every tenant that uses it. Its secret and verify
 * token are held sealed (encrypted); decrypting them is the boundary's job, never the entity's.
 */
@Entity
@Table(name = "meta_app")
public class MetaApp {

    @Id
    private UUID id;

    @Column(name = "app_id", nullable = false, unique = true, length = 30)
    private String appId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "app_secret_sealed", nullable = false, length = 1000)
    private String appSecretSealed;

    @Column(name = "verify_token_sealed", nullable = false, length = 1000)
    private String verifyTokenSealed;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected MetaApp() {
    }

    public MetaApp(String appId, String name, String appSecretSealed, String verifyTokenSealed, Instant now) {
        this.id = UUID.randomUUID();
        this.appId = InvalidValueException.requireDigits("appId", appId, 30);
        this.name = InvalidValueException.requireText("name", name, 200);
        this.appSecretSealed = requireSealed("appSecret", appSecretSealed);
        this.verifyTokenSealed = requireSealed("verifyToken", verifyTokenSealed);
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Renames the app and, when given, replaces its secrets (null keeps the current one). */
    public void revise(String name, String appSecretSealed, String verifyTokenSealed, Instant now) {
        this.name = InvalidValueException.requireText("name", name, 200);
        if (appSecretSealed != null) {
            this.appSecretSealed = appSecretSealed;
        }
        if (verifyTokenSealed != null) {
            this.verifyTokenSealed = verifyTokenSealed;
        }
        this.updatedAt = now;
    }

    private static String requireSealed(String field, String sealed) {
        if (sealed == null || sealed.isEmpty()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        return sealed;
    }

    public UUID id() { return id; }
    public String appId() { return appId; }
    public String name() { return name; }
    public String appSecretSealed() { return appSecretSealed; }
    public String verifyTokenSealed() { return verifyTokenSealed; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
