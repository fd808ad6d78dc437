package dev.tandem.tenancy;

import dev.tandem.domain.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A bearer key for /api/v1. Only its SHA-256 hash is stored (keys are 256-bit random, so a slow
 * hash adds nothing); the clear key is shown once, when issued.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    private UUID id;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(nullable = false, length = 100)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(name = "key_hash", nullable = false, unique = true, length = 64)
    private String keyHash;

    /** The first characters of the key, so people can tell their keys apart. */
    @Column(name = "key_prefix", nullable = false, length = 12)
    private String keyPrefix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected ApiKey() {
    }

    public ApiKey(UUID tenantId, String name, Role role, String keyHash, String keyPrefix, Instant now) {
        if (role == null) {
            throw new InvalidValueException("role", "must be one of PLATFORM_ADMIN, TENANT_ADMIN, SUPERVISOR, AGENT");
        }
        role.checkTenant(tenantId);
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.name = InvalidValueException.requireText("name", name, 100);
        this.role = role;
        this.keyHash = keyHash;
        this.keyPrefix = keyPrefix;
        this.createdAt = now;
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The caller name under which requests made with this key run. */
    public String callerName() {
        return "apikey:" + id;
    }

    public UUID id() { return id; }
    public UUID tenantId() { return tenantId; }
    public String name() { return name; }
    public Role role() { return role; }
    public String keyPrefix() { return keyPrefix; }
    public Instant createdAt() { return createdAt; }
    public Instant revokedAt() { return revokedAt; }
}
