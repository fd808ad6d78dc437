package dev.tandem.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * PostgreSQL goes away in the middle of a 60 s webhook load (fast shutdown, down for a few seconds,
 * started again) while the server keeps running. The ingest path never touches the database, so every
 * delivery is still acknowledged; the consumers fail while the database is down, the broker redelivers,
 * and once it is back every acknowledged event is stored exactly once, every delivery archived once,
 * and nothing went to the dead-letter queue. Runs on PostgreSQL only (profile postgres, CI=true); a
 * missing PostgreSQL fails it.
 */
class PostgresRestartIT {

    private static final int RATE = Integer.getInteger("tandem.faults.rate", 100);
    private static final int SECONDS = 60;
    private static final int STOP_AT_SECOND = 20;
    /**
     * How long the database stays down: longer than the broker's whole redelivery window (5 attempts,
     * 1+2+4+8 s), so only consumers that wait for the database (DatabaseAvailability) lose nothing.
     */
    private static final int DOWN_SECONDS = Integer.getInteger("tandem.faults.pg.down-seconds", 20);

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void everyAcknowledgedEventIsStoredExactlyOnceAfterPostgresqlRestartsMidLoad() throws Exception {
        assertTrue(FaultServer.onPostgresql(), "this test restarts PostgreSQL; run it with -Ppostgres or CI=true");
        PostgresCluster postgres = PostgresCluster.ofTestDatabase(Path.of(System.getProperty("tandem.faults.dir", "target")));
        try (FaultServer server = new FaultServer("pg-restart")) {
            long boot = server.start();
            WebhookLoad load = new WebhookLoad(server.base());
            AtomicLong loadStart = new AtomicLong();
            AtomicLong stoppedAt = new AtomicLong();
            AtomicLong backAt = new AtomicLong();
            AtomicReference<Throwable> restartFailure = new AtomicReference<>();
            // Stop, wait, start beside the load: deliveries keep arriving while the database is down.
            Thread restarter = new Thread(() -> {
                try {
                    postgres.stop();
                    stoppedAt.set(System.nanoTime());
                    FaultServer.sleep(TimeUnit.SECONDS.toMillis(DOWN_SECONDS));
                    postgres.start();
                    postgres.awaitAccepting(60);
                    backAt.set(System.nanoTime());
                } catch (Throwable t) {
                    restartFailure.set(t);
                }
            }, "postgres-restart");
            try {
                load.run(RATE, SECONDS, second -> {
                    if (second == 0) {
                        loadStart.set(System.nanoTime());
                    }
                    if (second == STOP_AT_SECOND) {
                        restarter.start();
                    }
                });
            } finally {
                restarter.join(TimeUnit.SECONDS.toMillis(90));
                if (stoppedAt.get() != 0 && backAt.get() == 0) {
                    postgres.start(); // never leave the machine without its database
                }
            }
            if (restartFailure.get() != null) {
                throw new AssertionError("stopping and starting PostgreSQL failed", restartFailure.get());
            }
            long drained = server.awaitDrained(150, 300);
            long deadLetters = server.deadLetters();
            server.stop();

            StoredRows rows = StoredRows.of(server, load);
            List<String> violations = rows.violations(load);
            long down = TimeUnit.NANOSECONDS.toMillis(backAt.get() - stoppedAt.get());
            int firstDown = (int) (TimeUnit.NANOSECONDS.toMillis(stoppedAt.get() - loadStart.get()) * RATE / 1000);
            int lastDown = (int) (TimeUnit.NANOSECONDS.toMillis(backAt.get() - loadStart.get()) * RATE / 1000);
            long acknowledgedWhileDown = load.deliveries().stream()
                    .filter(d -> d.index() >= firstDown && d.index() < lastDown).filter(load::acknowledged).count();
            // a batch that meets the dead database goes back to the broker whole; a single event logs its attempt
            long failedAttempts = Files.readAllLines(server.serverLog()).stream()
                    .filter(l -> l.contains("the database is unreachable") || l.contains("failed on attempt")).count();
            System.out.printf("PostgresRestartIT (PostgreSQL %s): boot %d s; %d deliveries at %d/s; database stopped at second %d"
                            + " and accepting again %d ms later; answers %s; %d acknowledged (%d of %d due while the database was"
                            + " down), all checked; %d failed consumer attempts logged; %d dead letters; drained %d s after the"
                            + " load%n", postgres.describe(), boot, load.deliveries().size(), RATE, STOP_AT_SECOND, down,
                    load.answerSummary(), load.acknowledgedCount(), acknowledgedWhileDown, lastDown - firstDown, failedAttempts,
                    deadLetters, drained);

            assertTrue(down >= TimeUnit.SECONDS.toMillis(DOWN_SECONDS), "the database was really down");
            assertEquals(load.deliveries().size(), load.acknowledgedCount(),
                    "every delivery is acknowledged, also while the database is down: " + load.answerSummary());
            assertTrue(failedAttempts > 0, "consumers met the dead database (else this test proves nothing)");
            assertEquals(0, deadLetters, "no event exhausted its attempts because of the outage");
            assertTrue(violations.isEmpty(), violations.size() + " violations, e.g. " + violations.stream().limit(10).toList());
        }
    }
}
