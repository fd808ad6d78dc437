package dev.tandem.platform;

import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.function.Function;

/** One page of a list: items, the zero-based page number, the page size and the total count. */
public record Page<T>(List<T> items, int page, int size, long total) {

    public static final int MAX_SIZE = 200;

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }

    /**
     * Runs a list query for one page, and its count query for the total. Parameters must already be
     * bound on both; a negative page reads as 0 and the size is clamped to 1..MAX_SIZE.
     */
    public static <T> Page<T> of(TypedQuery<T> items, TypedQuery<Long> count, int page, int size) {
        int pageSize = clampSize(size);
        int pageNumber = Math.max(0, page);
        List<T> rows = items.setFirstResult(pageNumber * pageSize).setMaxResults(pageSize).getResultList();
        return new Page<>(rows, pageNumber, pageSize, count.getSingleResult());
    }

    /** Clamps a requested page size to 1..MAX_SIZE. */
    public static int clampSize(int requested) {
        return Math.max(1, Math.min(MAX_SIZE, requested));
    }
}
