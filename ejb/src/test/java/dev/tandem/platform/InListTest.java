package dev.tandem.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InListTest {

    @Test
    void valuesAreSlicedIntoQueriesOfAtMostAThousandWithoutDuplicatesOrNulls() {
        List<String> values = new ArrayList<>(IntStream.range(0, 2_500).mapToObj(i -> "wamid." + i).toList());
        values.addAll(values.subList(0, 300)); // a chunk may name a message twice
        values.add(null); // an entry without an id

        List<List<String>> slices = InList.slices(values);

        assertEquals(List.of(1_000, 1_000, 500), slices.stream().map(List::size).toList());
        assertEquals(IntStream.range(0, 2_500).mapToObj(i -> "wamid." + i).toList(),
                slices.stream().flatMap(List::stream).toList(), "every value once, in the order given");
    }

    @Test
    void nothingToLookUpMeansNoQuery() {
        assertTrue(InList.slices(List.of()).isEmpty());
        assertTrue(InList.slices(Arrays.asList((String) null)).isEmpty());
    }
}
