package dev.tandem.tenancy;

import dev.tandem.platform.Caller;
import dev.tandem.platform.ConflictException;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.time.Clock;
import java.util.UUID;

/**
 * Console user accounts. Passwords are hashed with PBKDF2-HMAC-SHA512, 210,000 iterations and a
 * 32-byte random salt (OWASP 2023); the console's identity store verifies them with the same hash.
 */
@Stateless
public class UserAccounts {

    // Shared with the console's identity store definition (annotation values must be constants).
    public static final String HASH_ITERATIONS = "Pbkdf2PasswordHash.Iterations=210000";
    public static final String HASH_ALGORITHM = "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512";
    public static final String HASH_SALT_SIZE = "Pbkdf2PasswordHash.SaltSizeBytes=32";
    public static final String HASH_KEY_SIZE = "Pbkdf2PasswordHash.KeySizeBytes=64";
    static final int MIN_PASSWORD_LENGTH = 12;

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    Pbkdf2PasswordHash passwordHash;

    @Inject
    Tenants tenants;

    @Inject
    Clock clock;

    @PostConstruct
    void configureHash() {
        var parameters = new java.util.HashMap<String, String>();
        for (String p : new String[] {HASH_ITERATIONS, HASH_ALGORITHM, HASH_SALT_SIZE, HASH_KEY_SIZE}) {
            String[] kv = p.split("=", 2);
            parameters.put(kv[0], kv[1]);
        }
        passwordHash.initialize(parameters);
    }

    /** A platform admin creates any user; a tenant admin creates users of its own tenant only. */
    public UUID create(Caller caller, String username, String password, Role role, UUID tenantId) {
        caller.requireRole(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN);
        if (tenantId != null) {
            tenants.find(caller, tenantId); // 404 unless the caller may see it
        }
        if (!caller.isPlatformAdmin() && (role == Role.PLATFORM_ADMIN || tenantId == null)) {
            throw new dev.tandem.domain.InvalidValueException("role", "a tenant admin creates users of its own tenant only");
        }
        return insert(username, password, role, tenantId);
    }

    /** The first platform admin, created at start-up before anybody can log in; only while there is none. */
    public UUID createFirstAdmin(String username, String password) {
        if (anyPlatformAdmin()) {
            throw new ConflictException("username", "a platform admin already exists");
        }
        return insert(username, password, Role.PLATFORM_ADMIN, null);
    }

    private UUID insert(String username, String password, Role role, UUID tenantId) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new dev.tandem.domain.InvalidValueException("password",
                    "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (exists(username)) {
            throw new ConflictException("username", "user " + username + " already exists");
        }
        UserAccount account = new UserAccount(username, passwordHash.generate(password.toCharArray()), role, tenantId,
                clock.instant());
        em.persist(account);
        return account.id();
    }

    public boolean exists(String username) {
        return !em.createQuery("select u.id from UserAccount u where u.username = :u", UUID.class)
                .setParameter("u", username).getResultList().isEmpty();
    }

    public boolean anyPlatformAdmin() {
        return em.createQuery("select count(u) from UserAccount u where u.role = :r", Long.class)
                .setParameter("r", Role.PLATFORM_ADMIN).getSingleResult() > 0;
    }
}
