package dev.tandem.sync;

import dev.tandem.platform.Events;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;

/** Applies the Business App's address book (smb_app_state_sync): add/edit and remove, newest change wins. */
@Stateless
public class ContactSync {

    @Inject
    Routing routing;

    @Inject
    ContactDirectory conversations;

    @Inject
    Events events;

    @Inject
    Clock clock;

    public void apply(SyncEvent event) {
        Optional<UUID> tenant = routing.tenantOf(event);
        if (tenant.isEmpty()) {
            return;
        }
        JsonObject item = event.item();
        if (!(item.get("contact") instanceof JsonObject entry)) {
            routing.keepUnrouted(event, "state_sync entry without a contact");
            return;
        }
        String phone = WebhookSplitter.text(entry, "phone_number");
        String userId = WebhookSplitter.text(entry, "user_id");
        if (phone == null && userId == null) {
            routing.keepUnrouted(event, "contact without phone number or user id");
            return;
        }
        boolean add = !"remove".equals(WebhookSplitter.text(item, "action"));
        Instant changedAt = item.get("metadata") instanceof JsonObject metadata
                ? MetaObjects.timestamp(metadata, event.receivedAt()) : event.receivedAt();
        Contact contact = conversations.contact(tenant.get(), phone, userId);
        if (contact.applyAddressBook(add, WebhookSplitter.text(entry, "full_name"),
                WebhookSplitter.text(entry, "first_name"), changedAt, clock.instant())) {
            var data = new LinkedHashMap<String, Object>();
            data.put("contactId", contact.id().toString());
            data.put("action", add ? "add" : "remove");
            data.put("changedAt", changedAt.toString());
            if (contact.waId() != null) {
                data.put("waId", contact.waId());
            }
            if (contact.fullName() != null) {
                data.put("fullName", contact.fullName());
            }
            events.publish("contact.changed", tenant.get(), data);
        }
    }
}
