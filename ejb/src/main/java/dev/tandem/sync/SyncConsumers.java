package dev.tandem.sync;

import dev.tandem.platform.BatchingConsumer;
import dev.tandem.platform.DatabaseAvailability;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Starts the consumers of the sync and archive queues once the schema is migrated, and stops them with
 * the deployment. Threads and batch sizes per queue: inbound carries 95 % of the events; a history
 * chunk is a batch of its own, so the state queue takes one event at a time, on two threads (two chunks
 * import at once, each chunk being a group of its own); an echo updates its
 * tenant's row, which one thread keeps from being a point of contention.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SyncConsumers {

    /** Events of one transaction at most: beyond this, the batch's locks are held longer for little gain. */
    private static final int BATCH = 50;

    /** Consumers have their own connection: sharing the intake's would queue their traffic behind its commits. */
    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory inVm;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    SyncQueues queues;

    @Inject
    SyncConsumer events;

    @Inject
    ArchiveConsumer archive;

    @Inject
    DatabaseAvailability database;

    private final List<BatchingConsumer> consumers = new ArrayList<>();

    @PostConstruct
    void start() {
        add(SyncQueue.INBOUND, 4, BATCH);
        add(SyncQueue.ECHOES, 1, BATCH);
        add(SyncQueue.STATE, 2, 1);
        add(SyncQueue.ACCOUNT, 1, 1);
        add("archive", queues.archive(), 2, BATCH, archive);
        consumers.forEach(consumer -> consumer.start(threads));
    }

    @PreDestroy
    void stop() {
        consumers.forEach(BatchingConsumer::stop);
        consumers.forEach(consumer -> consumer.awaitStopped(Duration.ofSeconds(30)));
    }

    private void add(SyncQueue queue, int threads, int batch) {
        add(queue.name().toLowerCase(Locale.ROOT), queues.of(queue), threads, batch, events.of(queue));
    }

    private void add(String queue, Queue destination, int threads, int batch, BatchingConsumer.Handler handler) {
        for (int i = 1; i <= threads; i++) {
            consumers.add(new BatchingConsumer("tandem-" + queue + "-" + i, inVm, destination, batch, handler, database));
        }
    }
}
