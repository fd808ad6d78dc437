package dev.tandem.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBTransactionRolledbackException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class ConnectionFailuresTest {

    private static RuntimeException asTheContainerThrowsIt(Throwable cause) {
        var rolledBack = new EJBTransactionRolledbackException("rolled back");
        rolledBack.initCause(new IllegalStateException("wrapped", cause));
        return rolledBack;
    }

    @Test
    void aLostConnectionDeepInTheChainIsAnOutage() {
        assertTrue(ConnectionFailures.isOutage(asTheContainerThrowsIt(new SQLException("I/O error", "08006"))));
        assertTrue(ConnectionFailures.isOutage(asTheContainerThrowsIt(
                new SQLException("terminating connection due to administrator command", "57P01"))));
        assertTrue(ConnectionFailures.isOutage(asTheContainerThrowsIt(new SQLTransientConnectionException("pool"))));
        assertTrue(ConnectionFailures.isOutage(asTheContainerThrowsIt(
                new org.hibernate.exception.JDBCConnectionException("unable to acquire", new SQLException("no state")))));
    }

    @Test
    void badDataIsNoOutage() {
        assertFalse(ConnectionFailures.isOutage(asTheContainerThrowsIt(new SQLException("duplicate key", "23505"))));
        assertFalse(ConnectionFailures.isOutage(asTheContainerThrowsIt(new SQLException("invalid byte sequence", "22021"))));
        assertFalse(ConnectionFailures.isOutage(new IllegalArgumentException("MessageSync does not handle HISTORY")));
    }
}
