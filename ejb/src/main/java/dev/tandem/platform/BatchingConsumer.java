package dev.tandem.platform;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One thread that drains a queue in batches: it takes the messages waiting (up to a maximum), lets the
 * handler apply them all in one database transaction, and acknowledges each after that commit. One
 * transaction, one flush and one commit for many messages instead of one each: per message, the
 * transaction protocol, the pool checkout and the commit were most of a consumer's time.
 *
 * <p>When a batch fails, nothing of it was committed, and its messages are applied one by one, each in
 * its own transaction, so that a poison message fails alone: the ones that land are acknowledged, the
 * failed ones are returned to the broker ({@code recover}), which redelivers them after its delay and
 * moves them to the dead-letter queue after its attempts. A redelivered message is always applied
 * alone. Acknowledging after the commit means a crash in between redelivers a message that has landed;
 * handlers are idempotent. While the database is unreachable, nothing is tried one by one: the thread
 * waits for it and returns the batch.
 *
 * <p>Artemis' message groups pin each group (conversation) to one consumer, so a conversation is
 * applied in order by one thread. Individual acknowledgement is Artemis' session mode 101.
 */
public final class BatchingConsumer {

    /** What a queue's messages mean. Both methods throw when a message did not land. */
    public interface Handler {

        /** Applies every message in one transaction: all land or none does. */
        void applyAll(List<Message> batch);

        /** Applies one message in its own transaction, and says why it failed (log, failure record) before throwing. */
        void applyOne(Message message);
    }

    private static final Logger LOG = Logger.getLogger(BatchingConsumer.class.getName());

    /** ActiveMQJMSConstants.INDIVIDUAL_ACKNOWLEDGE: acknowledging a message acknowledges only that one. */
    static final int INDIVIDUAL_ACKNOWLEDGE = 101;

    /** How long one attempt waits for the database before its messages go back to the broker. */
    private static final Duration OUTAGE_WAIT = Duration.ofSeconds(60);

    private final String name;
    private final ConnectionFactory factory;
    private final Queue queue;
    private final int maxBatch;
    private final Handler handler;
    private final DatabaseAvailability database;
    private volatile boolean running;
    private Thread thread;

    public BatchingConsumer(String name, ConnectionFactory factory, Queue queue, int maxBatch, Handler handler,
                            DatabaseAvailability database) {
        this.name = name;
        this.factory = factory;
        this.queue = queue;
        this.maxBatch = maxBatch;
        this.handler = handler;
        this.database = database;
    }

    public void start(ManagedThreadFactory threads) {
        running = true;
        thread = threads.newThread(this::consumeWhileRunning);
        thread.setName(name);
        thread.start();
    }

    /** Lets the batch in hand finish (no interrupt: it may be inside a commit); what was not acknowledged is redelivered. */
    public void stop() {
        running = false;
    }

    public void awaitStopped(Duration max) {
        try {
            thread.join(max.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void consumeWhileRunning() {
        while (running) {
            try (JMSContext session = factory.createContext(INDIVIDUAL_ACKNOWLEDGE);
                 JMSConsumer consumer = session.createConsumer(queue)) {
                while (running) {
                    List<Message> batch = take(consumer);
                    if (!batch.isEmpty()) {
                        deliver(session, batch);
                    }
                }
            } catch (JMSRuntimeException e) {
                // the session is gone with its unacknowledged messages, which the broker redelivers
                LOG.log(Level.WARNING, name + " lost its broker session; it opens a new one", e);
                pause();
            }
        }
    }

    private List<Message> take(JMSConsumer consumer) {
        List<Message> batch = new ArrayList<>();
        Message message = consumer.receive(TimeUnit.SECONDS.toMillis(1));
        while (message != null) {
            batch.add(message);
            message = batch.size() < maxBatch ? consumer.receiveNoWait() : null;
        }
        return batch;
    }

    private void deliver(JMSContext session, List<Message> batch) {
        if (batch.size() > 1 && batch.stream().noneMatch(BatchingConsumer::redelivered)) {
            try {
                handler.applyAll(batch);
                acknowledge(batch);
                return;
            } catch (RuntimeException e) {
                if (ConnectionFailures.isOutage(e)) {
                    LOG.warning(() -> name + ": the database is unreachable; " + batch.size() + " messages go back to the broker");
                    database.awaitReachable(OUTAGE_WAIT);
                    session.recover();
                    return;
                }
                LOG.log(Level.FINE, name + ": a batch of " + batch.size() + " failed; applying its messages one by one", e);
            }
        }
        boolean anyFailed = false;
        for (Message message : batch) {
            try {
                handler.applyOne(message);
                message.acknowledge();
            } catch (RuntimeException e) {
                anyFailed = true;
                if (ConnectionFailures.isOutage(e)) {
                    database.awaitReachable(OUTAGE_WAIT);
                    break; // the rest go back with it
                }
            } catch (JMSException e) {
                throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
            }
        }
        if (anyFailed) {
            session.recover();
        }
    }

    private static void acknowledge(List<Message> batch) {
        try {
            for (Message message : batch) {
                message.acknowledge();
            }
        } catch (JMSException e) {
            throw new JMSRuntimeException(e.getMessage(), e.getErrorCode(), e);
        }
    }

    private static boolean redelivered(Message message) {
        try {
            return message.getJMSRedelivered();
        } catch (JMSException e) {
            return true;
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
