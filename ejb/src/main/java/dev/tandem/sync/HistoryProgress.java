package dev.tandem.sync;

import dev.tandem.platform.Caller;
import dev.tandem.platform.NotFoundException;
import dev.tandem.tenancy.Tenant;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Reads where a tenant's history sync stands, per phase. */
@Stateless
public class HistoryProgress {

    @PersistenceContext(unitName = "tandem")
    EntityManager em;

    @Inject
    Clock clock;

    /** An unfinished sync that hears nothing for this long is reported STALLED. */
    @Inject
    @ConfigProperty(name = "tandem.history.stall-after", defaultValue = "PT6H")
    Duration stallAfter;

    public HistoryView of(Caller caller, UUID tenantId) {
        Tenant tenant = tenantId == null ? null : em.find(Tenant.class, tenantId);
        if (tenant == null) {
            throw new NotFoundException("tenant", tenantId);
        }
        caller.checkCanSee("tenant", tenant.id(), tenantId);
        List<HistoryView.Phase> phases = em.createQuery("select c.phase, count(c), sum(c.messageCount), sum(c.imported)"
                        + " from HistoryChunk c where c.tenantId = :t group by c.phase order by c.phase", Object[].class)
                .setParameter("t", tenantId).getResultStream()
                .map(r -> new HistoryView.Phase(((Number) r[0]).intValue(), ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(), ((Number) r[3]).longValue()))
                .toList();
        HistorySync sync = em.find(HistorySync.class, tenantId);
        if (sync == null) {
            return new HistoryView("NOT_STARTED", 0, null, null, null, null, null, phases);
        }
        String state = sync.stalled(clock.instant(), stallAfter) ? "STALLED" : sync.state().name();
        return new HistoryView(state, sync.progress(), sync.declinedCode(), sync.declinedReason(), sync.startedAt(),
                sync.lastChunkAt(), sync.completedAt(), phases);
    }
}
