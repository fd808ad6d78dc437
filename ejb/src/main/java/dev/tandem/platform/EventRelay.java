package dev.tandem.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Moves committed events from the database to the events topic. One thread publishes them in commit
 * order, many per local broker transaction, then deletes their rows; a conversation's events keep
 * their order because its facts commit one after the other. What never reached the thread (a crash,
 * a full queue, a broker or database failure) is still in the table, and the sweep hands it over
 * again once it is {@link #OVERDUE} old.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class.getName());

    /** Events of one broker transaction at most. */
    private static final int BATCH = 500;

    /** An event this old and not yet handed to the thread was lost on the way: the sweep takes it. */
    static final Duration OVERDUE = Duration.ofSeconds(10);

    @Resource(lookup = "java:/jms/tandem/EventsTopic")
    Topic topic;

    @Resource
    ManagedThreadFactory threads;

    /** The relay's own connection: on the intake's shared one its batches delayed webhook acknowledgements (p50 51 ms, not 13). */
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory inVm;

    @Inject
    Events events;

    @Inject
    Clock clock;

    /** Bounded: under a flood the surplus waits in the database for the sweep instead of in the heap. */
    private final BlockingQueue<UnpublishedEvent> ready = new ArrayBlockingQueue<>(50_000);
    /** Events in the queue or being published, so the sweep does not hand them over twice. */
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean running;
    private Thread publisher;
    /** Used by the publisher thread; closed by stop() once that thread has ended. */
    private JMSContext session;

    @PostConstruct
    void start() {
        running = true;
        publisher = threads.newThread(this::publishWhileRunning);
        publisher.setName("tandem-event-relay");
        publisher.start();
    }

    /** What is still queued stays in the table and is published after the next start. */
    @PreDestroy
    void stop() {
        running = false;
        publisher.interrupt();
        try {
            publisher.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeSession();
    }

    /** Called after a transaction that wrote these events committed; never blocks. Returns how many it took. */
    public int publish(Collection<UnpublishedEvent> committed) {
        int taken = 0;
        for (UnpublishedEvent event : committed) {
            if (inFlight.add(event.id())) {
                if (ready.offer(event)) {
                    taken++;
                } else {
                    inFlight.remove(event.id()); // full: the sweep brings it back
                }
            }
        }
        return taken;
    }

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    void sweep() {
        int taken = publish(events.writtenBefore(clock.instant().minus(OVERDUE), BATCH));
        if (taken > 0) {
            LOG.info(() -> "Publishing " + taken + " events left unpublished (a crash, a broker failure or a full queue)");
        }
    }

    private void publishWhileRunning() {
        List<UnpublishedEvent> batch = new ArrayList<>(BATCH);
        while (running) {
            try {
                UnpublishedEvent first = ready.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                ready.drainTo(batch, BATCH - 1);
                publishAndForget(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the rows stay: the sweep retries them; a pause keeps a dead broker from spinning this loop
                LOG.log(Level.WARNING, "Publishing " + batch.size() + " events failed; the sweep retries them", e);
                pause();
            } finally {
                batch.forEach(event -> inFlight.remove(event.id()));
                batch.clear();
            }
        }
    }

    private void publishAndForget(List<UnpublishedEvent> batch) {
        if (session == null) {
            session = inVm.createContext(JMSContext.SESSION_TRANSACTED);
        }
        try {
            for (UnpublishedEvent event : batch) {
                session.createProducer()
                        .setProperty("type", event.type())
                        .setProperty("tenantId", event.tenantId() == null ? "" : event.tenantId().toString())
                        .send(topic, event.body());
            }
            session.commit();
        } catch (RuntimeException e) {
            closeSession(); // uncommitted sends vanish with it; the next batch opens a new one
            throw e;
        }
        events.published(batch.stream().map(UnpublishedEvent::id).toList());
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Closing the relay's broker session failed", e);
            }
            session = null;
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
