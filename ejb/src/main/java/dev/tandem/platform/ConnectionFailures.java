package dev.tandem.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Tells a database outage from a bad message. A class of its own, not a static method of the
 * {@link DatabaseAvailability} bean: WildFly warns about static methods on an EJB at every start.
 */
public final class ConnectionFailures {

    /** Connection failures by type name, so that neither Hibernate nor the JCA API is needed here. */
    private static final Set<String> CONNECTION_FAILURES = Set.of(
            "org.hibernate.exception.JDBCConnectionException", "jakarta.resource.ResourceException",
            "jakarta.resource.spi.ResourceAllocationException");

    private ConnectionFailures() {
    }

    /** Whether the failure says the database could not be reached (SQLState class 08, 57P0x, pool), not that the data was bad. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                    || CONNECTION_FAILURES.contains(t.getClass().getName())) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
                return true;
            }
        }
        return false;
    }
}
