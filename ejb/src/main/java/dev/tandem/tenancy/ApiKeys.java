package dev.tandem.tenancy;

import dev.tandem.domain.InvalidValueException;
import dev.tandem.platform.Caller;
import dev.tandem.platform.NotFoundException;
import dev.tandem.platform.Page;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Issues, lists, revokes and checks the bearer keys of /api/v1. A key is "tdm_" plus 43 random
 * base64url characters (256 bits); only its SHA-256 is stored.
 */
@Stateless
public class ApiKeys {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MIN_KEY_LENGTH = 32;

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    Tenants tenants;

    @Inject
    Callers callers;

    @Inject
    Clock clock;

    /** A platform admin issues keys for any tenant (or platform keys); a tenant admin for its own tenant. */
    public IssuedApiKey issue(Caller caller, UUID tenantId, String name, Role role) {
        caller.requireRole(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN);
        if (tenantId != null) {
            tenants.find(caller, tenantId); // 404 unless the caller may see it
        }
        if (!caller.isPlatformAdmin() && (tenantId == null || role == Role.PLATFORM_ADMIN)) {
            throw new InvalidValueException("tenantId", "a tenant admin issues keys for its own tenant only");
        }
        String secret = "tdm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        ApiKey key = new ApiKey(tenantId, name, role, sha256(secret), secret.substring(0, 12), clock.instant());
        em.persist(key);
        return new IssuedApiKey(ApiKeyView.of(key), secret);
    }

    /**
     * Makes sure a platform key with this exact secret exists (TANDEM_ADMIN_API_KEY, for automation
     * that must start with a known key). Returns false when it was already there.
     */
    public boolean ensurePlatformKey(String secret, String name) {
        if (secret.length() < MIN_KEY_LENGTH) {
            throw new InvalidValueException("TANDEM_ADMIN_API_KEY", "must be at least " + MIN_KEY_LENGTH + " characters");
        }
        if (findByHash(sha256(secret)).isPresent()) {
            return false;
        }
        em.persist(new ApiKey(null, name, Role.PLATFORM_ADMIN, sha256(secret), secret.substring(0, 12), clock.instant()));
        return true;
    }

    public Page<ApiKeyView> list(Caller caller, UUID tenantId, int page, int size) {
        caller.requireRole(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN);
        UUID scope = caller.isPlatformAdmin() ? tenantId : caller.tenantId();
        String where = scope == null ? "" : " where k.tenantId = :tenant";
        var query = em.createQuery("select k from ApiKey k" + where + " order by k.createdAt desc, k.id", ApiKey.class);
        var count = em.createQuery("select count(k) from ApiKey k" + where, Long.class);
        if (scope != null) {
            query.setParameter("tenant", scope);
            count.setParameter("tenant", scope);
        }
        return Page.of(query, count, page, size).map(ApiKeyView::of);
    }

    public ApiKeyView revoke(Caller caller, UUID id) {
        caller.requireRole(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN);
        ApiKey key = id == null ? null : em.find(ApiKey.class, id);
        if (key == null || !caller.canSee(key.tenantId()) || (key.tenantId() == null && !caller.isPlatformAdmin())) {
            throw new NotFoundException("API key", id);
        }
        key.revoke(clock.instant());
        callers.forget(key.callerName());
        return ApiKeyView.of(key);
    }

    /** The caller a presented key stands for, if the key exists, is not revoked and its tenant is active. */
    public Optional<Caller> authenticate(String presented) {
        if (presented == null || presented.length() < MIN_KEY_LENGTH || presented.length() > 200) {
            return Optional.empty();
        }
        return findByHash(sha256(presented)).flatMap(key -> callers.resolve(key.callerName()));
    }

    private Optional<ApiKey> findByHash(String hash) {
        return em.createQuery("select k from ApiKey k where k.keyHash = :h", ApiKey.class)
                .setParameter("h", hash).getResultStream().findFirst();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
