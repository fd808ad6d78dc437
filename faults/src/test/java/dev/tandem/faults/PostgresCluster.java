package dev.tandem.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The local PostgreSQL cluster the fault tests run on, stopped and started with Debian's pg_ctlcluster
 * (the test runs as root or as the cluster's owner). The cluster is the one listening on the port of
 * the test's JDBC URL. Commands run with their output in a file and stdin from /dev/null, never on a
 * pipe: the postmaster daemonises and would otherwise hold the pipe; the JVM closes every other file
 * descriptor in the child, so the restarted postmaster holds no lock file of the build either.
 */
final class PostgresCluster {

    private final String version;
    private final String name;
    private final Path log;

    private PostgresCluster(String version, String name, Path log) {
        this.version = version;
        this.name = name;
        this.log = log;
    }

    /** The cluster serving the test database; fails (never skips) when there is none or it is down. */
    static PostgresCluster ofTestDatabase(Path work) {
        int port = URI.create(System.getProperty("tandem.faults.pg.url").substring("jdbc:".length())).getPort();
        Path log = work.resolve("pg_ctlcluster.log");
        String clusters = run(log, "pg_lsclusters", "--no-header");
        for (String line : clusters.split("\n")) {
            String[] columns = line.trim().split("\\s+");
            if (columns.length >= 4 && columns[2].equals(Integer.toString(port == -1 ? 5432 : port))) {
                PostgresCluster cluster = new PostgresCluster(columns[0], columns[1], log);
                try (Connection ignored = connect()) {
                    return cluster;
                } catch (SQLException e) {
                    throw new IllegalStateException("PostgreSQL " + columns[0] + "/" + columns[1] + " does not accept the test user", e);
                }
            }
        }
        throw new IllegalStateException("no PostgreSQL cluster on port " + port + " (pg_lsclusters: " + clusters + ")");
    }

    String describe() {
        return version + "/" + name;
    }

    /** Fast shutdown: open connections are terminated, as in a restart or a failover. */
    void stop() {
        run(log, "pg_ctlcluster", "--mode", "fast", version, name, "stop");
    }

    void start() {
        run(log, "pg_ctlcluster", version, name, "start");
    }

    /** Waits until the test user can connect again; returns the milliseconds it took. */
    long awaitAccepting(int seconds) {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(seconds);
        while (true) {
            try (Connection ignored = connect()) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            } catch (SQLException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL did not accept connections within " + seconds + " s", e);
                }
                FaultServer.sleep(100);
            }
        }
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("tandem.faults.pg.url"),
                System.getProperty("tandem.faults.pg.user"), System.getProperty("tandem.faults.pg.password"));
    }

    private static String run(Path log, String... command) {
        try {
            Path output = Files.createTempFile(log.getParent(), "pg", ".out");
            Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true)
                    .redirectInput(new File("/dev/null")).redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
            }
            String text = Files.readString(output);
            Files.writeString(log, "$ " + String.join(" ", command) + " -> " + process.exitValue() + "\n" + text,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Files.delete(output);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
