package dev.tandem.sandbox.coexistence;

import dev.tandem.sandbox.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * How a scripted history reaches the partner (spec 4.4): the messages spread over the script's days
 * before onboarding, split by age into phase 0 (day 0-1), phase 1 (day 1-90) and phase 2 (day 90-180),
 * each phase cut into chunks numbered by chunk_order, in delivery order (phase by phase, or shuffled).
 * progress counts delivered chunks from 0 to 100 and reaches 100 only with the last one. An empty
 * phase has no chunk, so it sends no webhook.
 *
 * @param chunks in the order they are delivered
 */
public record HistoryPlan(List<Chunk> chunks) {

    static final long DAY = 86_400;

    /** A history message: business-sent ones have the business as sender and the customer as recipient. */
    public record Message(String id, String customer, boolean fromBusiness, long timestamp, boolean mediaPlaceholder,
                          String text, String status) {
    }

    public record Chunk(int phase, int chunkOrder, int progress, List<Message> messages) {
    }

    public static HistoryPlan plan(HistoryScript script, Instant onboardedAt) {
        HistoryScript s = script.complete();
        Random random = new Random(s.seed());
        List<String> customers = customers(s.customers(), random);
        long span = s.days() * DAY;
        long onboarded = onboardedAt.getEpochSecond();
        List<List<Message>> phases = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < s.messages(); i++) {
            // Evenly spread (message 0 is the newest), jittered within its slot; always inside (0, span).
            long age = Math.max(1, Math.min(span - 1, (long) (span * (i + random.nextDouble()) / s.messages())));
            boolean fromBusiness = random.nextInt(3) == 0;
            String status = fromBusiness ? (random.nextBoolean() ? "READ" : "DELIVERED") : "READ";
            String customer = customers.get(i % customers.size());
            Message message = new Message(Ids.wamid(customer), customer, fromBusiness, onboarded - age,
                    s.mediaPlaceholders() && i % 10 == 9, "History message " + (i + 1) + " of " + s.messages(), status);
            phases.get(phaseOf(age)).add(message);
        }
        List<List<Message>> chunkMessages = new ArrayList<>();
        List<int[]> chunkKeys = new ArrayList<>();
        for (int phase = 0; phase < 3; phase++) {
            List<Message> inPhase = phases.get(phase);
            inPhase.sort(Comparator.comparingLong(Message::timestamp));
            for (int from = 0, order = 1; from < inPhase.size(); from += s.chunkSize(), order++) {
                chunkMessages.add(List.copyOf(inPhase.subList(from, Math.min(inPhase.size(), from + s.chunkSize()))));
                chunkKeys.add(new int[] {phase, order});
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < chunkMessages.size(); i++) {
            order.add(i);
        }
        if (s.shuffle()) {
            Collections.shuffle(order, random);
        }
        List<Chunk> chunks = new ArrayList<>();
        for (int k = 0; k < order.size(); k++) {
            int i = order.get(k);
            chunks.add(new Chunk(chunkKeys.get(i)[0], chunkKeys.get(i)[1], progress(k, order.size()), chunkMessages.get(i)));
        }
        return new HistoryPlan(List.copyOf(chunks));
    }

    /** Progress after delivering chunk k (0-based) of n: rises with k, 100 only for the last. */
    static int progress(int k, int n) {
        return k == n - 1 ? 100 : Math.min(99, (k + 1) * 100 / n);
    }

    /** Phase by age before onboarding: under a day 0, under 90 days 1, else 2. */
    static int phaseOf(long ageSeconds) {
        return ageSeconds < DAY ? 0 : ageSeconds < 90 * DAY ? 1 : 2;
    }

    private static List<String> customers(int count, Random random) {
        Set<String> numbers = new LinkedHashSet<>();
        while (numbers.size() < count) {
            numbers.add("49151" + String.format("%08d", random.nextInt(100_000_000)));
        }
        return List.copyOf(numbers);
    }
}
