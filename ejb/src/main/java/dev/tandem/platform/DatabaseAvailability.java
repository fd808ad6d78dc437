package dev.tandem.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Waits for the database to come back. Consumers call it before they rethrow a failure that
 * {@link ConnectionFailures} calls an outage: a message that failed because the database was away must not use up
 * its delivery attempts (5, about 15 s) and land in the dead-letter queue, which is what a PostgreSQL
 * outage of 19 s did to acknowledged events (PostgresRestartIT). Waiting in the consumer also pauses
 * consumption instead of spinning through redeliveries. No transaction: the caller's is already
 * marked for rollback, and the probe must not enlist in it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseAvailability {

    private static final Logger LOG = Logger.getLogger(DatabaseAvailability.class.getName());

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    /** Blocks until a validated connection can be had, at most maxWait; true if the database answers. */
    public boolean awaitReachable(Duration maxWait) {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            try (Connection connection = dataSource.getConnection()) {
                if (connection.isValid(2)) {
                    return true;
                }
            } catch (SQLException stillAway) {
                LOG.fine(() -> "Database still unreachable: " + stillAway.getMessage());
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
