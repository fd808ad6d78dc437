package dev.tandem.sandbox.coexistence;

import dev.tandem.sandbox.GraphException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WhatsApp contacts in the Business App's address book. Every change gets a device timestamp
 * (Unix seconds) one past the previous change at least: receivers apply contact changes
 * last-writer-wins by timestamp (spec 4.3), so two edits in the same second must still be ordered.
 */
public final class ContactBook {

    public record Entry(String phone, String fullName, String firstName) {
    }

    /** One smb_app_state_sync item: "add" (added or edited, with names) or "remove" (without). */
    public record Change(String action, String phone, String fullName, String firstName, long timestamp) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private long lastTimestamp;

    /** Adds or edits a contact. Only numbers on WhatsApp are synced, so the phone is 6 to 15 digits. */
    public synchronized Change put(String phone, String fullName, String firstName, Instant now) {
        if (phone == null || !phone.matches("\\d{6,15}")) {
            throw GraphException.invalidParameter("phone must be 6 to 15 digits (E.164 without +)");
        }
        if (fullName == null || fullName.isBlank()) {
            throw GraphException.invalidParameter("fullName is required");
        }
        entries.put(phone, new Entry(phone, fullName, firstName));
        return new Change("add", phone, fullName, firstName, tick(now));
    }

    public synchronized Change remove(String phone, Instant now) {
        if (entries.remove(phone) == null) {
            throw GraphException.invalidParameter("No contact " + phone + " in the address book");
        }
        return new Change("remove", phone, null, null, tick(now));
    }

    /** The whole book as "add" changes: what the first smb_app_state_sync sends. */
    public synchronized List<Change> snapshot(Instant now) {
        long timestamp = tick(now);
        List<Change> changes = new ArrayList<>();
        entries.values().forEach(e -> changes.add(new Change("add", e.phone(), e.fullName(), e.firstName(), timestamp)));
        return changes;
    }

    public synchronized List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    private long tick(Instant now) {
        lastTimestamp = Math.max(now.getEpochSecond(), lastTimestamp + 1);
        return lastTimestamp;
    }
}
