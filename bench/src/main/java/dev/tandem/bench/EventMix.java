package dev.tandem.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The webhook deliveries of a benchmark, Meta-like: per 20 events 12 statuses (60 %), 7 inbound
 * messages (35 %) and 1 Business App echo (5 %), one event per POST, shuffled within windows of 100,
 * and 5 % of deliveries sent twice (Meta delivers at least once). Statuses (sent, delivered, read)
 * belong to the block's echo and to three API sends Tandem has not seen.
 */
public final class EventMix {

    /**
     * One POST: the exact body, whether it repeats an earlier one, and the key of the fact it carries
     * ({@code message:<wamid>}, {@code status:<wamid>:<STATUS>}), as {@link EndToEnd} matches events.
     */
    public record Delivery(String body, boolean duplicate, Kind kind, String key) {
    }

    public enum Kind { STATUS, INBOUND, ECHO }

    private static final String[] STATUSES = {"sent", "delivered", "read"};
    static final int SHUFFLE_WINDOW = 100;
    static final double DUPLICATE_RATE = 0.05;

    private final String wabaId;
    private final String phoneNumberId;
    private final String displayNumber;
    private final Random random;
    private final String run;

    public EventMix(String wabaId, String phoneNumberId, String displayNumber, long seed) {
        this.wabaId = wabaId;
        this.phoneNumberId = phoneNumberId;
        this.displayNumber = displayNumber;
        this.random = new Random(seed);
        this.run = Long.toString(Math.abs(seed), 36);
    }

    /** At least {@code events} distinct events (whole blocks of 20), shuffled, plus about 5 % duplicates. */
    public List<Delivery> deliveries(int events) {
        List<Delivery> distinct = distinct(events);
        List<Delivery> all = new ArrayList<>(distinct.size() + distinct.size() / 10);
        for (Delivery d : distinct) {
            all.add(d);
            if (random.nextDouble() < DUPLICATE_RATE) {
                all.add(new Delivery(d.body(), true, d.kind(), d.key()));
            }
        }
        for (int from = 0; from < all.size(); from += SHUFFLE_WINDOW) {
            Collections.shuffle(all.subList(from, Math.min(all.size(), from + SHUFFLE_WINDOW)), random);
        }
        return all;
    }

    /**
     * The distinct events in generation order (whole blocks of 20): per block one echo, seven inbound
     * messages, and statuses of the echo and of three sends Tandem never saw. Customers are
     * {@link #customer} of block*7+i (inbound) and of block (echo and statuses).
     */
    public List<Delivery> distinct(int events) {
        List<Delivery> distinct = new ArrayList<>();
        long now = System.currentTimeMillis() / 1000;
        for (int block = 0; distinct.size() < events; block++) {
            String echo = "wamid.bench" + run + "e" + block;
            distinct.add(new Delivery(echo(echo, customer(block), now), false, Kind.ECHO, "message:" + echo));
            for (int i = 0; i < 7; i++) {
                String wamid = "wamid.bench" + run + "i" + block + "x" + i;
                distinct.add(new Delivery(inbound(wamid, customer(block * 7 + i), now), false, Kind.INBOUND,
                        "message:" + wamid));
            }
            // Statuses for four outbound messages: the echo above, and three API sends made elsewhere
            // (unknown to Tandem, so their statuses wait as pending, as when a status outruns its send).
            for (int m = 0; m < 4; m++) {
                String wamid = m == 0 ? echo : "wamid.bench" + run + "a" + block + "x" + m;
                for (String status : STATUSES) {
                    distinct.add(new Delivery(status(wamid, status, customer(block), now), false, Kind.STATUS,
                            "status:" + wamid + ":" + status.toUpperCase(java.util.Locale.ROOT)));
                }
            }
        }
        return distinct;
    }

    static String customer(int n) {
        return "49170" + String.format("%08d", n % 100_000_000);
    }

    private String envelope(String field, String valueMembers) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + wabaId + "\",\"changes\":[{\"field\":\""
                + field + "\",\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\""
                + displayNumber + "\",\"phone_number_id\":\"" + phoneNumberId + "\"}," + valueMembers + "}}]}]}";
    }

    private String inbound(String wamid, String from, long now) {
        return envelope("messages", "\"contacts\":[{\"profile\":{\"name\":\"Bench\"},\"wa_id\":\"" + from + "\"}],"
                + "\"messages\":[{\"from\":\"" + from + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + now
                + "\",\"type\":\"text\",\"text\":{\"body\":\"Hallo, ist mein Paket unterwegs? \\u00fc\"}}]");
    }

    private String echo(String wamid, String to, long now) {
        return envelope("smb_message_echoes", "\"message_echoes\":[{\"from\":\"" + displayNumber + "\",\"to\":\"" + to
                + "\",\"id\":\"" + wamid + "\",\"timestamp\":\"" + now + "\",\"type\":\"text\",\"text\":{\"body\":\"Typed on the phone\"}}]");
    }

    private String status(String wamid, String status, String recipient, long now) {
        return envelope("messages", "\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\",\"timestamp\":\""
                + now + "\",\"recipient_id\":\"" + recipient + "\"}]");
    }
}
