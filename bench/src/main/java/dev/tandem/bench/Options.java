package dev.tandem.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line: a sub-command (ingest, history, outbound, baseline, all; ingest when none is
 * given) and --name=value options, from one argument or many (exec:java passes -Dbench.args whole).
 */
final class Options {

    static final List<String> COMMANDS = List.of("ingest", "history", "outbound", "baseline", "all");

    private final String command;
    private final Map<String, String> values;

    private Options(String command, Map<String, String> values) {
        this.command = command;
        this.values = values;
    }

    static Options parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> words = new ArrayList<>();
        for (String arg : args) {
            for (String part : arg.trim().split("\\s+")) {
                if (part.startsWith("--")) {
                    int eq = part.indexOf('=');
                    values.put(eq < 0 ? part.substring(2) : part.substring(2, eq), eq < 0 ? "" : part.substring(eq + 1));
                } else if (!part.isEmpty()) {
                    words.add(part);
                }
            }
        }
        if (words.size() > 1) {
            throw new IllegalArgumentException("one sub-command at most, got " + words);
        }
        String command = words.isEmpty() ? "ingest" : words.get(0);
        if (!COMMANDS.contains(command)) {
            throw new IllegalArgumentException("unknown sub-command '" + command + "'; one of " + COMMANDS);
        }
        return new Options(command, values);
    }

    String command() {
        return command;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String get(String name) {
        return values.get(name);
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'");
        }
    }

    /** Runs a part of 'all' unless --skip names it (e.g. --skip=history,outbound). */
    boolean runs(String part) {
        if (!command.equals("all")) {
            return command.equals(part);
        }
        return !List.of(get("skip", "").split(",")).contains(part);
    }

    Map<String, String> values() {
        return Map.copyOf(values);
    }
}
