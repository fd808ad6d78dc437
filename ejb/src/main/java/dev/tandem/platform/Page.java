package dev.tandem.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list: items, the zero-based page number, the page size and the total count. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /** Clamps a requested page size to 1..MAX_SIZE. */
    public static int clampSize(int requested) {
        return Math.max(1, Math.min(MAX_SIZE, requested));
    }
}
