package dev.tandem.bench;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Meta's coexistence history sync as webhooks (spec 4.4): {@code messages} messages with
 * {@code customers} customers spread evenly over the 180 days before onboarding (message 0 is the
 * newest), split by age into phase 0 (day 0-1), 1 (day 1-90) and 2 (day 90-180), each phase cut into
 * chunks of {@code chunkSize} numbered by chunk_order, one chunk per POST, phase by phase; progress
 * rises with every chunk and is 100 only on the last. Every third message was sent by the business.
 * Bodies are made one at a time, so a million messages never sit in memory at once.
 */
final class HistoryChunks implements Iterable<HistoryChunks.Chunk> {

    /** Meta's limit for one webhook POST. */
    static final int MAX_BODY_BYTES = 3 * 1024 * 1024;
    static final long DAY = 86_400;
    static final long SPAN = 180 * DAY;

    record Chunk(int phase, int chunkOrder, int progress, int messages, String body) {
    }

    private final TandemApi.Tenant tenant;
    private final int messages;
    private final int customers;
    private final int chunkSize;
    private final long onboarded;
    private final String run;
    /** First message index of each phase, and one past the last: [p0, p1, p2, end]. */
    private final int[] phaseStarts = new int[4];
    private final List<int[]> chunks = new ArrayList<>();

    HistoryChunks(TandemApi.Tenant tenant, int messages, int customers, int chunkSize, long onboardedEpochSecond, String run) {
        if (messages < 1 || customers < 1 || chunkSize < 1) {
            throw new IllegalArgumentException("messages, customers and chunk size must be positive");
        }
        this.tenant = tenant;
        this.messages = messages;
        this.customers = customers;
        this.chunkSize = chunkSize;
        this.onboarded = onboardedEpochSecond;
        this.run = run;
        // Ages grow with the index, so each phase is a contiguous range of indexes.
        int phase = 0;
        for (int i = 0; i < messages; i++) {
            while (phase < phaseOf(age(i))) {
                phaseStarts[++phase] = i;
            }
        }
        while (phase < 3) {
            phaseStarts[++phase] = messages;
        }
        for (int p = 0; p < 3; p++) {
            for (int from = phaseStarts[p], order = 1; from < phaseStarts[p + 1]; from += chunkSize, order++) {
                chunks.add(new int[] {p, order, from, Math.min(phaseStarts[p + 1], from + chunkSize)});
            }
        }
    }

    int chunkCount() {
        return chunks.size();
    }

    int messages() {
        return messages;
    }

    long age(int i) {
        return Math.max(1, Math.min(SPAN - 1, (long) (SPAN * (i + 0.5) / messages)));
    }

    static int phaseOf(long ageSeconds) {
        return ageSeconds < DAY ? 0 : ageSeconds < 90 * DAY ? 1 : 2;
    }

    /** Progress after chunk k (0-based) of n: rises with k, 100 only for the last. */
    static int progress(int k, int n) {
        return k == n - 1 ? 100 : Math.min(99, (k + 1) * 100 / n);
    }

    /** Every third message was sent by the business (from the business number, to the customer). */
    static boolean fromBusiness(int i) {
        return i % 3 == 0;
    }

    String wamid(int i) {
        return "wamid.hist" + run + "x" + i;
    }

    long timestamp(int i) {
        return onboarded - age(i);
    }

    /** Message i as Meta puts it into a thread. */
    void appendMessage(StringBuilder out, int i) {
        String customer = customer(i);
        boolean fromBusiness = fromBusiness(i);
        out.append("{\"from\":\"").append(fromBusiness ? tenant.displayNumber() : customer).append('"');
        if (fromBusiness) {
            out.append(",\"to\":\"").append(customer).append('"');
        }
        out.append(",\"id\":\"").append(wamid(i)).append("\",\"timestamp\":\"").append(timestamp(i))
                .append("\",\"type\":\"text\",\"text\":{\"body\":\"").append(text(i))
                .append("\"},\"history_context\":{\"status\":\"").append(fromBusiness ? "DELIVERED" : "READ")
                .append("\"}}");
    }

    static String text(int i) {
        return "History message " + i + (fromBusiness(i) ? ": your order has shipped, tracking follows"
                : ": when will my parcel arrive?");
    }

    /** The chunks as [phase, chunk_order, first message, one past the last]. */
    List<int[]> ranges() {
        return List.copyOf(chunks);
    }

    String customer(int i) {
        return "49152" + String.format("%08d", i % customers);
    }

    @Override
    public Iterator<Chunk> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < chunks.size();
            }

            @Override
            public Chunk next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int[] c = chunks.get(next);
                Chunk chunk = new Chunk(c[0], c[1], progress(next, chunks.size()), c[3] - c[2], body(c[0], c[1],
                        progress(next, chunks.size()), c[2], c[3]));
                next++;
                return chunk;
            }
        };
    }

    String body(int phase, int order, int progress, int from, int to) {
        // Oldest first inside a chunk, grouped into one thread per customer as Meta sends them.
        Map<String, StringBuilder> threads = new LinkedHashMap<>();
        for (int i = to - 1; i >= from; i--) {
            String customer = customer(i);
            StringBuilder thread = threads.computeIfAbsent(customer, k -> new StringBuilder());
            if (!thread.isEmpty()) {
                thread.append(',');
            }
            appendMessage(thread, i);
        }
        StringBuilder body = new StringBuilder(64 + (to - from) * 260);
        body.append("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"").append(tenant.wabaId())
                .append("\",\"changes\":[{\"field\":\"history\",\"value\":{\"messaging_product\":\"whatsapp\",")
                .append("\"metadata\":{\"display_phone_number\":\"").append(tenant.displayNumber())
                .append("\",\"phone_number_id\":\"").append(tenant.phoneNumberId()).append("\"},\"history\":[{")
                .append("\"metadata\":{\"phase\":").append(phase).append(",\"chunk_order\":").append(order)
                .append(",\"progress\":").append(progress).append("},\"threads\":[");
        boolean first = true;
        for (Map.Entry<String, StringBuilder> thread : threads.entrySet()) {
            if (!first) {
                body.append(',');
            }
            first = false;
            body.append("{\"id\":\"").append(thread.getKey()).append("\",\"messages\":[").append(thread.getValue()).append("]}");
        }
        return body.append("]}]}}]}]}").toString();
    }
}
