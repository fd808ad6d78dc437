package dev.tandem.tenancy;

import dev.tandem.domain.InvalidValueException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/** A person who logs in to the console. The password is kept only as a salted PBKDF2 hash. */
@Entity
@Table(name = "user_account")
public class UserAccount {

    /** No ':' so a username can never collide with an API key's caller name ("apikey:..."). */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,100}");

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 100)
    private String username;

    @Column(name = "password_hash", nullable = false, length = 500)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Role role;

    @Column(name = "tenant_id")
    private UUID tenantId;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected UserAccount() {
    }

    public UserAccount(String username, String passwordHash, Role role, UUID tenantId, Instant now) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new InvalidValueException("username", "3 to 100 letters, digits or . _ @ -");
        }
        if (role == null) {
            throw new InvalidValueException("role", "must not be null");
        }
        role.checkTenant(tenantId);
        this.id = UUID.randomUUID();
        this.username = username;
        this.passwordHash = java.util.Objects.requireNonNull(passwordHash, "passwordHash");
        this.role = role;
        this.tenantId = tenantId;
        this.active = true;
        this.createdAt = now;
    }

    public UUID id() { return id; }
    public String username() { return username; }
    public Role role() { return role; }
    public UUID tenantId() { return tenantId; }
    public boolean active() { return active; }
}
