package dev.tandem.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Tandem server of its own for a fault test: a copy of the server the ear module prepared, with the
 * EAR in its deployment folder, started as a child process on port offset 300 (HTTP 8380, management
 * 10290) with its own data folder, so it never meets the Arquillian server or a developer's run.
 */
final class FaultServer implements AutoCloseable {

    static final int HTTP_PORT = 8380;
    static final int MANAGEMENT_PORT = 10290;
    static final String PLATFORM_KEY = "tdm_faults_platform_key_4e1b7a9c3d5f2a8e6b0c4d2f1a3e5c7b";
    static final String DATABASE = System.getProperty("tandem.faults.database", "h2");

    private final Path home;
    private final Path dataDir;
    private final Path consoleLog;
    private Process process;

    FaultServer(String name) {
        Path work = Path.of(System.getProperty("tandem.faults.dir", "target"));
        this.home = work.resolve("server-" + name);
        this.dataDir = work.resolve("data-" + name);
        this.consoleLog = work.resolve("server-" + name + ".log");
        try {
            delete(home);
            delete(dataDir);
            copyServer(Path.of(System.getProperty("tandem.source.server")), home);
            Files.copy(Path.of(System.getProperty("tandem.source.ear")), home.resolve("standalone/deployments/tandem.ear"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean onPostgresql() {
        return "postgresql".equals(DATABASE);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + HTTP_PORT + "/");
    }

    Path dataDir() {
        return dataDir;
    }

    /** Starts the server and waits until Tandem answers /health/ready with 200; returns the seconds it took. */
    long start() {
        if (isRunning()) {
            throw new IllegalStateException("already running");
        }
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml",
                "-Djboss.socket.binding.port-offset=300",
                "-Djboss.server.data.dir=" + dataDir,
                "-Dtandem.graph.base-url=http://127.0.0.1:" + HTTP_PORT + "/sandbox/graph"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
        Map<String, String> env = builder.environment();
        env.put("JAVA_OPTS", System.getProperty("tandem.server.java.opts", "-Xmx768m"));
        env.put("TANDEM_ADMIN_PASSWORD", "faults-admin-password-91c2");
        env.put("TANDEM_ADMIN_API_KEY", PLATFORM_KEY);
        env.put("TANDEM_SECRET_KEY", "Wq3m8R1xT5vN0bZ7cK2fH9jL4pY6sD1gA8eU3iO5rM0=");
        env.put("LAUNCH_JBOSS_IN_BACKGROUND", "false");
        if (onPostgresql()) {
            env.put("TANDEM_DB_DRIVER", "postgresql");
            env.put("TANDEM_DB_URL", System.getProperty("tandem.faults.pg.url"));
            env.put("TANDEM_DB_USER", System.getProperty("tandem.faults.pg.user"));
            env.put("TANDEM_DB_PASSWORD", System.getProperty("tandem.faults.pg.password"));
        }
        long started = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = started + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + consoleLog);
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(base().resolve("health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Tandem was not ready within 180 s; see " + consoleLog);
    }

    /** kill -9 of the server JVM (the jboss-modules child of standalone.sh, not the script). */
    void killHard() {
        ProcessHandle jvm = jvm().orElseThrow(() -> new IllegalStateException("no server JVM under " + process.pid()));
        jvm.destroyForcibly();
        try {
            jvm.onExit().get(30, TimeUnit.SECONDS);
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the killed server did not go away", e);
        }
        process = null;
    }

    /** A clean stop through the management interface (local authentication of jboss-cli on this machine). */
    void stop() {
        if (!isRunning()) {
            return;
        }
        cli(":shutdown(timeout=30)");
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                killHard();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** Runs CLI commands against the running server and returns their output. */
    String cli(String commands) {
        try {
            Process cli = new ProcessBuilder(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                    "--controller=remote+http://127.0.0.1:" + MANAGEMENT_PORT, "--commands=" + commands)
                    .redirectErrorStream(true).start();
            String output = new String(cli.getInputStream().readAllBytes());
            if (!cli.waitFor(60, TimeUnit.SECONDS)) {
                cli.destroyForcibly();
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Messages waiting (including scheduled redeliveries and those being delivered) on Tandem's sync queues. */
    long queuedMessages() {
        StringBuilder commands = new StringBuilder();
        for (String queue : List.of("tandem.inbound", "tandem.echoes", "tandem.state-sync", "tandem.account", "tandem.archive")) {
            if (!commands.isEmpty()) {
                commands.append(',');
            }
            commands.append("/subsystem=messaging-activemq/server=default/jms-queue=").append(queue)
                    .append(":read-attribute(name=message-count)");
        }
        String output = cli(commands.toString());
        long total = 0;
        int found = 0;
        for (String line : output.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("\"result\" =>")) {
                total += Long.parseLong(trimmed.replaceAll("[^0-9]", ""));
                found++;
            }
        }
        if (found != 5) {
            throw new IllegalStateException("cannot read the queue depths: " + output);
        }
        return total;
    }

    /** Messages in TandemDLQ: events that exhausted their attempts. */
    long deadLetters() {
        String output = cli("/subsystem=messaging-activemq/server=default/jms-queue=TandemDLQ:read-attribute(name=message-count)");
        for (String line : output.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("\"result\" =>")) {
                return Long.parseLong(trimmed.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("cannot read the dead-letter queue's depth: " + output);
    }

    /** The server's own log (server.log under the copied server). */
    Path serverLog() {
        return home.resolve("standalone/log/server.log");
    }

    /**
     * Waits until every sync queue is empty; returns the seconds it took. How fast a backlog drains
     * depends on the machine, so the wait fails when the consumers stop making progress (the depth
     * reached no new low for {@code stalledSeconds}: longer than Narayana's recovery period, 120 s, which
     * settles a transaction left in doubt), or after {@code limitSeconds} in any case.
     */
    long awaitDrained(int stalledSeconds, int limitSeconds) {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(limitSeconds);
        long lowest = Long.MAX_VALUE;
        long lowestAt = started;
        for (long queued = queuedMessages(); queued > 0; queued = queuedMessages()) {
            long now = System.nanoTime();
            if (queued < lowest) {
                lowest = queued;
                lowestAt = now;
            } else if (now - lowestAt > TimeUnit.SECONDS.toNanos(stalledSeconds)) {
                throw new AssertionError("the consumers are stuck: " + queued + " messages queued, no progress for "
                        + stalledSeconds + " s");
            }
            if (now > deadline) {
                throw new AssertionError("the consumers did not drain the queues within " + limitSeconds + " s ("
                        + queued + " messages left)");
            }
            sleep(1000);
        }
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
    }

    boolean isRunning() {
        return process != null && process.isAlive();
    }

    private Optional<ProcessHandle> jvm() {
        return process.toHandle().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules.jar")).orElse(false))
                .findFirst();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            jvm().ifPresent(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The server without its logs, data, history and deployment markers (those belong to the source's own runs). */
    private static void copyServer(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from.resolve("modules"))) {
            throw new IllegalStateException("no prepared server at " + from + ": build the ear module first");
        }
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                String relative = from.relativize(source).toString().replace('\\', '/');
                if (relative.startsWith("standalone/log") || relative.startsWith("standalone/data")
                        || relative.startsWith("standalone/tmp") || relative.contains("standalone_xml_history")
                        || relative.startsWith("standalone/deployments/") && !relative.endsWith(".war")) {
                    continue;
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void delete(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
