package dev.tandem.sandbox.coexistence;

import dev.tandem.sandbox.GraphException;
import dev.tandem.sandbox.Ids;
import dev.tandem.sandbox.MetaJson;
import dev.tandem.sandbox.SandboxNumber;
import dev.tandem.sandbox.WebhookSender;
import dev.tandem.sandbox.media.MediaStore;
import dev.tandem.sandbox.media.StoredMedia;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Business App side of coexistence numbers: the phone's contacts and chat history, and the
 * partner's one-shot smb_app_data requests that release them as smb_app_state_sync and history
 * webhooks (spec 4.2-4.4). State is per onboarding: registering the number again starts afresh.
 */
@ApplicationScoped
public class Coexistence {

    /** Contacts per smb_app_state_sync webhook in the initial burst. */
    static final int CONTACTS_PER_WEBHOOK = 100;
    /** Media placeholders younger than this get a follow-up webhook with the media (spec 4.4). */
    static final long MEDIA_FOLLOW_UP_SECONDS = 14 * HistoryPlan.DAY;

    @Inject
    WebhookSender webhooks;

    @Inject
    MediaStore media;

    /** Everything the sandbox knows about one onboarding of a number. */
    static final class Onboarding {
        final DataSyncRequests requests;
        final ContactBook contacts = new ContactBook();
        HistoryScript history;
        boolean historySent;

        Onboarding(Instant onboardedAt) {
            requests = new DataSyncRequests(onboardedAt);
        }
    }

    /** What the world page and tests see of a number's sync state. */
    public record SyncState(Instant onboardedAt, List<String> requested, boolean historyScripted, boolean historySent,
                            List<ContactBook.Entry> contacts) {
    }

    private final Map<String, Onboarding> onboardings = new ConcurrentHashMap<>();

    private Onboarding of(SandboxNumber number) {
        return onboardings.compute(number.phoneNumberId(), (id, current) ->
                current != null && current.requests.onboardedAt().equals(number.onboardedAt())
                        ? current : new Onboarding(number.onboardedAt()));
    }

    public SyncState state(SandboxNumber number) {
        Onboarding o = of(number);
        synchronized (o) {
            return new SyncState(o.requests.onboardedAt(), o.requests.requested(), o.history != null, o.historySent,
                    o.contacts.entries());
        }
    }

    /**
     * The partner's smb_app_data call: allowed once per type within 24 h of onboarding, and only for
     * numbers that came from the Business App. Contacts go out at once; the history when scripted.
     */
    public String requestSync(SandboxNumber number, String syncType) {
        if (!number.coexistence()) {
            throw GraphException.invalidParameter("smb_app_data is only available for numbers onboarded from the"
                    + " WhatsApp Business app (coexistence).");
        }
        Onboarding o = of(number);
        synchronized (o) {
            o.requests.request(syncType, Instant.now());
            if (DataSyncRequests.CONTACTS.equals(syncType)) {
                List<ContactBook.Change> all = o.contacts.snapshot(Instant.now());
                for (int i = 0; i < all.size(); i += CONTACTS_PER_WEBHOOK) {
                    sendContacts(number, all.subList(i, Math.min(all.size(), i + CONTACTS_PER_WEBHOOK)));
                }
            } else if (o.history != null) {
                sendHistory(number, o);
            }
        }
        return Ids.decimal(16);
    }

    public ContactBook.Change putContact(SandboxNumber number, String phone, String fullName, String firstName) {
        Onboarding o = of(number);
        synchronized (o) {
            return announce(number, o, o.contacts.put(phone, fullName, firstName, Instant.now()));
        }
    }

    public ContactBook.Change removeContact(SandboxNumber number, String phone) {
        Onboarding o = of(number);
        synchronized (o) {
            return announce(number, o, o.contacts.remove(phone, Instant.now()));
        }
    }

    /** Later address-book changes reach the partner only once it asked for the contacts sync. */
    private ContactBook.Change announce(SandboxNumber number, Onboarding o, ContactBook.Change change) {
        if (o.requests.requested(DataSyncRequests.CONTACTS)) {
            sendContacts(number, List.of(change));
        }
        return change;
    }

    /** Scripts the history; if the partner already asked for it, it goes out now. */
    public HistoryPlanSummary scriptHistory(SandboxNumber number, HistoryScript script) {
        HistoryScript complete = script.complete();
        Onboarding o = of(number);
        synchronized (o) {
            if (o.historySent) {
                throw GraphException.invalidParameter("The history of this onboarding was already sent; register the number"
                        + " again (a new onboarding) to script another.");
            }
            o.history = complete;
            boolean started = o.requests.requested(DataSyncRequests.HISTORY);
            int chunks = started ? sendHistory(number, o) : -1;
            return new HistoryPlanSummary(started, chunks);
        }
    }

    /** Whether the scripted history went out, and in how many chunk webhooks (-1 when not yet). */
    public record HistoryPlanSummary(boolean started, int chunks) {
    }

    private int sendHistory(SandboxNumber number, Onboarding o) {
        o.historySent = true;
        if (o.history.decline()) {
            webhooks.send(number, MetaJson.change("history", MetaJson.numberValue(number)
                    .add("history", MetaJson.array(MetaJson.object().add("errors", MetaJson.array(
                            MetaJson.object()
                                    .add("code", 2593109)
                                    .add("title", "History sync is turned off by the business from the WhatsApp Business App")
                                    .add("message", "History sync is turned off by the business from the WhatsApp Business App")
                                    .add("error_data", MetaJson.object()
                                            .add("details", "History sharing is turned off by the business"))
                                    .build())).build()))
                    .build()));
            return 0;
        }
        HistoryPlan plan = HistoryPlan.plan(o.history, o.requests.onboardedAt());
        long onboarded = o.requests.onboardedAt().getEpochSecond();
        for (HistoryPlan.Chunk chunk : plan.chunks()) {
            webhooks.send(number, MetaJson.change("history", MetaJson.numberValue(number)
                    .add("history", MetaJson.array(MetaJson.object()
                            .add("metadata", MetaJson.object().add("phase", chunk.phase())
                                    .add("chunk_order", chunk.chunkOrder()).add("progress", chunk.progress()))
                            .add("threads", threads(number, chunk.messages())).build()))
                    .build()));
            List<JsonObject> followUps = new ArrayList<>();
            for (HistoryPlan.Message m : chunk.messages()) {
                if (m.mediaPlaceholder() && onboarded - m.timestamp() < MEDIA_FOLLOW_UP_SECONDS) {
                    followUps.add(mediaFollowUp(number, m));
                }
            }
            if (!followUps.isEmpty()) {
                JsonArrayBuilder messages = MetaJson.arrayBuilder();
                followUps.forEach(messages::add);
                webhooks.send(number, MetaJson.change("history", MetaJson.numberValue(number).add("messages", messages).build()));
            }
        }
        return plan.chunks().size();
    }

    private static JsonArrayBuilder threads(SandboxNumber number, List<HistoryPlan.Message> messages) {
        Map<String, JsonArrayBuilder> byCustomer = new LinkedHashMap<>();
        for (HistoryPlan.Message m : messages) {
            JsonObjectBuilder json = MetaJson.object()
                    .add("from", m.fromBusiness() ? number.displayNumber() : m.customer());
            if (m.fromBusiness()) {
                json.add("to", m.customer());
            }
            json.add("id", m.id()).add("timestamp", String.valueOf(m.timestamp()));
            if (m.mediaPlaceholder()) {
                json.add("type", "media_placeholder");
            } else {
                json.add("type", "text").add("text", MetaJson.object().add("body", m.text()));
            }
            json.add("history_context", MetaJson.object().add("status", m.status()));
            byCustomer.computeIfAbsent(m.customer(), c -> MetaJson.arrayBuilder()).add(json);
        }
        JsonArrayBuilder threads = MetaJson.arrayBuilder();
        byCustomer.forEach((customer, list) -> threads.add(MetaJson.object().add("id", customer).add("messages", list)));
        return threads;
    }

    /** The separate history webhook that carries a recent placeholder's media, downloadable from the media API. */
    private JsonObject mediaFollowUp(SandboxNumber number, HistoryPlan.Message m) {
        StoredMedia image = media.putPlaceholder(number.phoneNumberId(), number.wabaId(), "image", Instant.now());
        return MetaJson.object()
                .add("from", m.fromBusiness() ? number.displayNumber() : m.customer())
                .add("id", m.id()).add("timestamp", String.valueOf(m.timestamp())).add("type", "image")
                .add("image", MetaJson.object().add("mime_type", image.mimeType()).add("sha256", image.sha256())
                        .add("id", image.id()))
                .build();
    }

    private void sendContacts(SandboxNumber number, List<ContactBook.Change> changes) {
        JsonArrayBuilder items = MetaJson.arrayBuilder();
        for (ContactBook.Change c : changes) {
            JsonObjectBuilder contact = MetaJson.object();
            if ("add".equals(c.action())) {
                contact.add("full_name", c.fullName());
                if (c.firstName() != null) {
                    contact.add("first_name", c.firstName());
                }
            }
            contact.add("phone_number", c.phone());
            items.add(MetaJson.object().add("type", "contact").add("contact", contact).add("action", c.action())
                    .add("metadata", MetaJson.object().add("timestamp", String.valueOf(c.timestamp()))));
        }
        webhooks.send(number, MetaJson.change("smb_app_state_sync",
                MetaJson.numberValue(number).add("state_sync", items).build()));
    }
}
