package dev.tandem.sync;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Queue;

/**
 * Tandem's sync queues and the archive queue (defined once, in configure-tandem.cli), for the intake that
 * fills them and the consumers that drain them.
 */
@ApplicationScoped
public class SyncQueues {

    @Resource(lookup = "java:/jms/tandem/InboundQueue")
    Queue inbound;

    @Resource(lookup = "java:/jms/tandem/EchoQueue")
    Queue echoes;

    @Resource(lookup = "java:/jms/tandem/StateSyncQueue")
    Queue stateSync;

    @Resource(lookup = "java:/jms/tandem/AccountQueue")
    Queue account;

    @Resource(lookup = "java:/jms/tandem/ArchiveQueue")
    Queue archive;

    public Queue of(SyncQueue queue) {
        return switch (queue) {
            case INBOUND -> inbound;
            case ECHOES -> echoes;
            case STATE -> stateSync;
            case ACCOUNT -> account;
        };
    }

    /** Every verified delivery, compressed, for the raw archive. */
    public Queue archive() {
        return archive;
    }
}
