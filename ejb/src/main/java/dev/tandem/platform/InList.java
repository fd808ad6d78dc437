package dev.tandem.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/** Values for {@code column IN (...)} queries that look many rows up at once. */
public final class InList {

    /** Values per query: Oracle's limit, and lists PostgreSQL and H2 plan as index lookups. */
    static final int MAX = 1000;

    private InList() {
    }

    /** The distinct non-null values, in slices of at most {@link #MAX}, one query each. */
    public static <T> List<List<T>> slices(Collection<T> values) {
        List<T> distinct = values.stream().filter(Objects::nonNull).distinct().toList();
        List<List<T>> slices = new ArrayList<>();
        for (int i = 0; i < distinct.size(); i += MAX) {
            slices.add(distinct.subList(i, Math.min(distinct.size(), i + MAX)));
        }
        return slices;
    }
}
