package dev.tandem.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** What the numbers were measured on, and the WildFly server's memory (Linux /proc; loopback runs only). */
final class Machine {

    private Machine() {
    }

    static Map<String, Object> describe() {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("cpu", firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown"));
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal").orElse("unknown"));
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("benchJava", System.getProperty("java.version"));
        return machine;
    }

    /**
     * Resident and peak resident memory of the local WildFly serving {@code httpPort}, in MiB: the
     * process running jboss-modules.jar with the matching port offset (several servers may share
     * the machine; 8080 is offset 0).
     */
    static Map<String, Object> serverMemory(int httpPort) {
        Map<String, Object> memory = new LinkedHashMap<>();
        serverPid(httpPort - 8080).ifPresent(pid -> {
            Path status = Path.of("/proc", pid, "status");
            memory.put("pid", Long.parseLong(pid));
            firstValue(status, "VmRSS").ifPresent(v -> memory.put("residentMiB", kibToMib(v)));
            firstValue(status, "VmHWM").ifPresent(v -> memory.put("peakResidentMiB", kibToMib(v)));
        });
        return memory;
    }

    private static Optional<String> serverPid(int portOffset) {
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> {
                        try {
                            String command = new String(Files.readAllBytes(p.resolve("cmdline")));
                            return command.contains("jboss-modules.jar") && offsetOf(command) == portOffset;
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .map(p -> p.getFileName().toString()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The -Djboss.socket.binding.port-offset of a server's command line, 0 without one. */
    static int offsetOf(String commandLine) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("port-offset=(\\d+)").matcher(commandLine);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static long kibToMib(String value) {
        return Long.parseLong(value.replaceAll("[^0-9]", "")) / 1024;
    }

    private static Optional<String> firstValue(Path file, String key) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> l.startsWith(key)).map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
