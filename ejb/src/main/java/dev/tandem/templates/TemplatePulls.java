package dev.tandem.templates;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One on-demand template pull per tenant at a time. Without it, a burst of first sends of an unknown
 * template each pulled in a transaction of its own while holding its own database connection: the
 * pool ran dry (each waiting send held one connection and needed a second) and the sends failed with
 * 500 after the pool's timeout. Waiting sends re-read after the pull instead of pulling again.
 */
@ApplicationScoped
class TemplatePulls {

    private final Map<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();

    ReentrantLock of(UUID tenantId) {
        return locks.computeIfAbsent(tenantId, id -> new ReentrantLock());
    }
}
