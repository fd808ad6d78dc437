package dev.tandem.faults;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 of the server JVM in the middle of a 60 s webhook load, restart, and every acknowledged
 * event is stored exactly once (and its delivery archived once); what was not acknowledged may or may
 * not have landed, but never twice. The database is read directly, after a clean stop.
 */
class ServerKillIT {

    /** Events per second: what this shared 2-core machine sustains with the consumers keeping up. */
    private static final int RATE = Integer.getInteger("tandem.faults.rate", 100);
    private static final int SECONDS = 60;
    private static final int KILL_AT_SECOND = 20;

    @Test
    @Timeout(value = 9, unit = TimeUnit.MINUTES)
    void everyAcknowledgedEventIsStoredExactlyOnceAfterAKillNineMidLoad() throws Exception {
        try (FaultServer server = new FaultServer("kill-" + FaultServer.DATABASE)) {
            long boot = server.start();
            WebhookLoad load = new WebhookLoad(server.base());
            AtomicLong restart = new AtomicLong();
            long started = System.nanoTime();
            // The restart runs beside the load: POSTs keep arriving (and failing) while the server is down.
            Thread restarter = new Thread(() -> restart.set(server.start()), "restart");
            load.run(RATE, SECONDS, second -> {
                if (second == KILL_AT_SECOND) {
                    server.killHard();
                    restarter.start();
                }
            });
            restarter.join(TimeUnit.MINUTES.toMillis(3));
            assertTrue(server.isRunning(), "the server came back");
            long drained = server.awaitDrained(150, 300);
            server.stop();
            long total = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

            StoredRows rows = StoredRows.of(server, load);
            List<String> violations = rows.violations(load);
            System.out.printf("ServerKillIT (%s): boot %d s; %d deliveries at %d/s, killed at second %d, back after %d s;"
                            + " answers %s; %d acknowledged, all checked; %d unacknowledged but stored; drained %d s after the load;"
                            + " %d s from first POST to clean stop%n", FaultServer.DATABASE, boot, load.deliveries().size(), RATE,
                    KILL_AT_SECOND, restart.get(), load.answerSummary(), load.acknowledgedCount(),
                    rows.unacknowledgedButStored(load), drained, total);
            assertTrue(load.acknowledgedCount() > RATE * KILL_AT_SECOND / 2, "the load was mostly acknowledged before the kill");
            assertTrue(load.deliveries().stream().skip((long) RATE * (SECONDS - 5)).anyMatch(load::acknowledged),
                    "deliveries were acknowledged again after the restart");
            assertTrue(violations.isEmpty(), violations.size() + " violations, e.g. " + violations.stream().limit(10).toList());
        }
    }

    /**
     * A fact and its event commit together, the event is published afterwards; a crash in between
     * leaves the event in its table. The relay's sweep publishes it once the server is back.
     */
    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void anEventThatACrashLeftUnpublishedIsPublishedAfterTheRestart() {
        try (FaultServer server = new FaultServer("sweep-" + FaultServer.DATABASE)) {
            server.start(); // creates the schema
            server.stop();
            UUID event = StoredRows.leaveUnpublishedEvent(server, Instant.now().minus(Duration.ofMinutes(1)));
            assertTrue(StoredRows.isUnpublished(server, event), "the event row was written");

            server.start();
            // The sweep runs every 5 s; H2 can be read only once the server has stopped.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (FaultServer.onPostgresql() && StoredRows.isUnpublished(server, event) && System.nanoTime() < deadline) {
                FaultServer.sleep(500);
            }
            if (!FaultServer.onPostgresql()) {
                FaultServer.sleep(15_000);
            }
            server.stop();
            assertFalse(StoredRows.isUnpublished(server, event), "the event left by the crash was published and its row removed");
        }
    }
}
