package dev.tandem.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes a result as JSON and as a Markdown table next to it, and prints the table. */
final class Report {

    private Report() {
    }

    static void write(Path folder, String name, Map<String, Object> result) throws IOException {
        String stamp = String.valueOf(result.get("at")).replace(":", "").replaceAll("\\.\\d+", "");
        String base = stamp + "-" + name + "-" + String.valueOf(result.get("database")).toLowerCase();
        writeFile(folder.resolve(base + ".json"), json(result) + "\n");
        StringBuilder md = new StringBuilder("| metric | value |\n|---|---|\n");
        flatten("", result, md);
        writeFile(folder.resolve(base + ".md"), md.toString());
        System.out.println(md);
        System.out.println("Written: " + folder.resolve(base + ".json") + " and .md");
    }

    private static void writeFile(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void flatten(String prefix, Map<?, ?> map, StringBuilder md) {
        map.forEach((k, v) -> {
            String key = prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k;
            if (v instanceof Map<?, ?> inner) {
                flatten(key, inner, md);
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
