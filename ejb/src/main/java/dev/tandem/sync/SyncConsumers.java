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

/**
 * Starts the consumers of the sync and archive queues once the schema is migrated, and stops them with
 * the deployment. Threads and batch sizes per queue: inbound carries 95 % of the events; a history
 * chunk is a batch of its own, so the state queue takes one event at a time; an echo updates its
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

    @Resource(lookup = "java:/jms/tandem/InboundQueue")
    Queue inboundQueue;

    @Resource(lookup = "java:/jms/tandem/EchoQueue")
    Queue echoQueue;

    @Resource(lookup = "java:/jms/tandem/StateSyncQueue")
    Queue stateSyncQueue;

    @Resource(lookup = "java:/jms/tandem/AccountQueue")
    Queue accountQueue;

    @Resource(lookup = "java:/jms/tandem/ArchiveQueue")
    Queue archiveQueue;

    @Inject
    SyncConsumer events;

    @Inject
    ArchiveConsumer archive;

    @Inject
    DatabaseAvailability database;

    private final List<BatchingConsumer> consumers = new ArrayList<>();

    @PostConstruct
    void start() {
        add("inbound", inboundQueue, 4, BATCH, events.of(SyncQueue.INBOUND));
        add("echoes", echoQueue, 1, BATCH, events.of(SyncQueue.ECHOES));
        add("state-sync", stateSyncQueue, 2, 1, events.of(SyncQueue.STATE));
        add("account", accountQueue, 1, 1, events.of(SyncQueue.ACCOUNT));
        add("archive", archiveQueue, 2, BATCH, archive);
        consumers.forEach(consumer -> consumer.start(threads));
    }

    @PreDestroy
    void stop() {
        consumers.forEach(BatchingConsumer::stop);
        consumers.forEach(consumer -> consumer.awaitStopped(Duration.ofSeconds(30)));
    }

    private void add(String queue, Queue destination, int threads, int batch, BatchingConsumer.Handler handler) {
        for (int i = 1; i <= threads; i++) {
            consumers.add(new BatchingConsumer("tandem-" + queue + "-" + i, inVm, destination, batch, handler, database));
        }
    }
}
