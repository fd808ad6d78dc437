package dev.tandem.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes a run as JSON, as Markdown (a headline table of Tandem against the bare limits, then every
 * metric) and as a PNG chart, all named {@code <UTC time>-<what>-<database>}, and prints the Markdown.
 */
final class Report {

    /** Tandem's figure, the limit it is compared with, and how they are named in the tables. */
    private record Comparison(String name, String tandem, String limit, String limitName) {
    }

    private static final List<Comparison> COMPARISONS = List.of(
            new Comparison("ingest deliveries/s vs bare JMS producer", "ingest.sustainedPerSecond",
                    "baseline.jms.deliveriesPerSecond", "JMS producer deliveries/s"),
            new Comparison("ingest deliveries/s vs bare JDBC inserts", "ingest.sustainedPerSecond",
                    "baseline.jdbcIngest.deliveriesPerSecond", "JDBC deliveries/s"),
            new Comparison("history messages/s vs bare JDBC inserts", "history.messagesPerSecond",
                    "baseline.jdbcHistory.messagesPerSecond", "JDBC messages/s"));

    private Report() {
    }

    static String baseName(Map<String, Object> result, String what) {
        String stamp = String.valueOf(result.get("at")).replace(":", "").replaceAll("\\.\\d+", "");
        return stamp + "-" + what + "-" + String.valueOf(result.get("database")).toLowerCase();
    }

    /** Adds {@code ratios} (Tandem / limit) for every comparison whose two figures the run has. */
    static void addRatios(Map<String, Object> result) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        for (Comparison c : COMPARISONS) {
            Double tandem = number(result, c.tandem());
            Double limit = number(result, c.limit());
            if (tandem != null && limit != null && limit > 0) {
                ratios.put(c.name(), Math.round(tandem / limit * 1000) / 1000.0);
            }
        }
        if (!ratios.isEmpty()) {
            result.put("ratios", ratios);
        }
    }

    static Path write(Path folder, String what, Map<String, Object> result) throws IOException {
        String base = baseName(result, what);
        writeFile(folder.resolve(base + ".json"), json(result) + "\n");
        String md = markdown(result);
        writeFile(folder.resolve(base + ".md"), md);
        Chart.write(folder.resolve(base + ".png"), Chart.render("Tandem " + what + " on " + result.get("database") + ", "
                + result.get("at"), rateBars(result), latencyBars(result)));
        System.out.println(md);
        System.out.println("Written: " + folder.resolve(base) + ".json, .md and .png");
        return folder.resolve(base + ".json");
    }

    static String markdown(Map<String, Object> result) {
        StringBuilder md = new StringBuilder();
        md.append("## Tandem benchmark, ").append(result.get("database")).append(", ").append(result.get("at")).append("\n\n");
        List<String[]> rows = new ArrayList<>();
        for (Comparison c : COMPARISONS) {
            Double tandem = number(result, c.tandem());
            Double limit = number(result, c.limit());
            if (tandem != null || limit != null) {
                rows.add(new String[] {c.name(), tandem == null ? "-" : Chart.format(tandem),
                        limit == null ? "-" : Chart.format(limit),
                        tandem != null && limit != null && limit > 0 ? String.format("%.3f", tandem / limit) : "-"});
            }
        }
        if (!rows.isEmpty()) {
            md.append("| measure | Tandem | bare limit | Tandem / limit |\n|---|---|---|---|\n");
            rows.forEach(r -> md.append("| ").append(String.join(" | ", r)).append(" |\n"));
            md.append('\n');
        }
        md.append("| metric | value |\n|---|---|\n");
        flatten("", result, md);
        return md.toString();
    }

    static List<Chart.Bar> rateBars(Map<String, Object> result) {
        List<Chart.Bar> bars = new ArrayList<>();
        add(bars, result, "ingest.sustainedPerSecond", "ingest: deliveries/s", false);
        add(bars, result, "baseline.jms.deliveriesPerSecond", "bare JMS producer: deliveries/s", true);
        add(bars, result, "baseline.jdbcIngest.deliveriesPerSecond", "bare JDBC: ingest deliveries/s", true);
        add(bars, result, "history.messagesPerSecond", "history import: messages/s", false);
        add(bars, result, "baseline.jdbcHistory.messagesPerSecond", "bare JDBC: history messages/s", true);
        add(bars, result, "outbound.acceptedPerSecond", "outbound: sends accepted/s", false);
        add(bars, result, "outbound.reachedMetaPerSecond", "outbound: reached Meta/s", false);
        return bars;
    }

    static List<Chart.Bar> latencyBars(Map<String, Object> result) {
        List<Chart.Bar> bars = new ArrayList<>();
        for (String p : List.of("p50", "p99", "p99.9")) {
            add(bars, result, "ingest.ackLatencyMillis." + p, "ingest acknowledgement " + p, false);
        }
        for (String p : List.of("p50", "p99")) {
            add(bars, result, "ingest.endToEndLatencyMillis." + p, "ingest end-to-end " + p, false);
        }
        for (String p : List.of("p50", "p99")) {
            add(bars, result, "outbound.acceptLatencyMillis." + p, "outbound acceptance " + p, false);
        }
        return bars;
    }

    private static void add(List<Chart.Bar> bars, Map<String, Object> result, String path, String label, boolean limit) {
        Double value = number(result, path);
        if (value != null) {
            bars.add(new Chart.Bar(label, value, limit));
        }
    }

    /** A number at a dotted path ("ingest.ackLatencyMillis.p99"), keys may themselves hold dots ("p99.9"). */
    static Double number(Map<?, ?> map, String path) {
        if (map.get(path) instanceof Number n) {
            return n.doubleValue();
        }
        for (int dot = path.indexOf('.'); dot > 0; dot = path.indexOf('.', dot + 1)) {
            if (map.get(path.substring(0, dot)) instanceof Map<?, ?> inner) {
                Double found = number(inner, path.substring(dot + 1));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static void writeFile(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text);
    }

    private static void flatten(String prefix, Map<?, ?> map, StringBuilder md) {
        map.forEach((k, v) -> {
            String key = prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k;
            if (v instanceof Map<?, ?> inner) {
                flatten(key, inner, md);
            } else if (v instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    md.append("| ").append(key).append('[').append(i).append("] | ").append(list.get(i)).append(" |\n");
                }
            } else {
                md.append("| ").append(key).append(" | ").append(v).append(" |\n");
            }
        });
    }

    static String json(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> quote(String.valueOf(e.getKey())) + ":" + json(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(Report::json).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        return value == null ? "null" : quote(String.valueOf(value));
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
