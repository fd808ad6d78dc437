package dev.tandem.platform;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;

/**
 * Local (non-XA) transacted sessions on the embedded broker, pooled, for the webhook ingest path.
 *
 * <p>Why not the container's JMSContext there: per request it checks a session out of the JCA pool,
 * enlists it in a JTA transaction and commits through the transaction manager, which was 40 % of the
 * intake's CPU (JFR). A delivery only needs its own messages to be atomic, and a local Artemis
 * transaction gives exactly that: {@code commit()} returns once the broker has synced its journal,
 * so a delivery acknowledged after it survives a crash, and a failure before it leaves no message.
 * Everything that also writes the database keeps using JTA.
 */
@ApplicationScoped
public class LocalJmsSessions {

    /** Idle sessions kept; more may exist under a burst, they are closed when returned to a full pool. */
    private static final int IDLE_SESSIONS = 64;

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory inVm;

    private final BlockingQueue<JMSContext> idle = new ArrayBlockingQueue<>(IDLE_SESSIONS);
    private JMSContext connection;

    /** Runs the work in one local transaction and commits it; on any failure nothing is sent. */
    public void inTransaction(Consumer<JMSContext> work) {
        JMSContext session = borrow();
        try {
            work.accept(session);
            session.commit();
        } catch (RuntimeException e) {
            discard(session);
            throw e;
        }
        if (!idle.offer(session)) {
            session.close();
        }
    }

    private JMSContext borrow() {
        JMSContext session = idle.poll();
        return session != null ? session : connection().createContext(JMSContext.SESSION_TRANSACTED);
    }

    /** One connection; each pooled session is a context sharing it. */
    private synchronized JMSContext connection() {
        if (connection == null) {
            connection = inVm.createContext();
            connection.setAutoStart(false);
        }
        return connection;
    }

    private static void discard(JMSContext session) {
        try {
            session.rollback();
        } catch (JMSRuntimeException ignored) {
            // the session is broken anyway; closing it below is all that is left
        }
        session.close();
    }

    @PreDestroy
    synchronized void close() {
        for (JMSContext session; (session = idle.poll()) != null; ) {
            session.close();
        }
        if (connection != null) {
            connection.close();
        }
    }
}
