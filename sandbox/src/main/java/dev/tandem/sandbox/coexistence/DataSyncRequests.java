package dev.tandem.sandbox.coexistence;

import dev.tandem.sandbox.GraphException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The smb_app_data rule for one onboarding (spec 4.2): each sync_type (smb_app_state_sync for
 * contacts, history for chat history) may be requested once, and only within 24 hours of onboarding.
 * A new onboarding (the world registers the number again) starts a fresh rule.
 *
 * <p>Meta's error code for a repeated or late request is UNCONFIRMED (community code only reports HTTP
 * 400). The sandbox answers HTTP 400 with code 100 ("Invalid parameter") and a details text saying
 * which rule was broken, since a client can do nothing but offboard and onboard again either way.
 */
public final class DataSyncRequests {

    public static final Duration WINDOW = Duration.ofHours(24);
    public static final String CONTACTS = "smb_app_state_sync";
    public static final String HISTORY = "history";
    static final List<String> TYPES = List.of(CONTACTS, HISTORY);

    private final Instant onboardedAt;
    private final Set<String> requested = new HashSet<>();

    public DataSyncRequests(Instant onboardedAt) {
        this.onboardedAt = onboardedAt;
    }

    public Instant onboardedAt() {
        return onboardedAt;
    }

    /** Records a request of this sync type at {@code now}, or throws Meta's error if the rule forbids it. */
    public synchronized void request(String syncType, Instant now) {
        if (syncType == null || syncType.isBlank()) {
            throw GraphException.invalidParameter("The parameter sync_type is required (smb_app_state_sync or history).");
        }
        if (!TYPES.contains(syncType)) {
            throw GraphException.invalidParameter("sync_type must be smb_app_state_sync or history, not " + syncType + ".");
        }
        if (now.isAfter(onboardedAt.plus(WINDOW))) {
            throw GraphException.invalidParameter("The " + syncType + " sync must be requested within 24 hours of onboarding"
                    + " (onboarded " + onboardedAt + "); the business must offboard and onboard again.");
        }
        if (!requested.add(syncType)) {
            throw GraphException.invalidParameter("The " + syncType + " sync was already requested for this onboarding;"
                    + " it can be requested once. The business must offboard and onboard again.");
        }
    }

    public synchronized boolean requested(String syncType) {
        return requested.contains(syncType);
    }

    public synchronized List<String> requested() {
        return TYPES.stream().filter(requested::contains).toList();
    }
}
