package dev.tandem.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/**
 * A WhatsApp user as a tenant knows them. Keyed by phone (wa_id) or by business-scoped user id, since
 * from 2026 users with usernames may come without a phone number. The address-book part comes from
 * the Business App (smb_app_state_sync) and is applied last-writer-wins by its timestamp.
 */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "wa_id", length = 20)
    private String waId;

    @Column(name = "user_id", length = 140)
    private String userId;

    @Column(name = "profile_name", length = 300)
    private String profileName;

    @Column(name = "full_name", length = 300)
    private String fullName;

    @Column(name = "first_name", length = 300)
    private String firstName;

    @Column(name = "in_address_book", nullable = false)
    private boolean inAddressBook;

    @Column(name = "address_book_changed_at")
    private Instant addressBookChangedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Contact() {
    }

    public Contact(UUID tenantId, String waId, String userId, Instant now) {
        if (waId == null && userId == null) {
            throw new IllegalArgumentException("a contact needs a phone number or a user id");
        }
        this.id = UUID.randomUUID();
        this.tenantId = tenantId;
        this.waId = waId;
        this.userId = userId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** The profile name WhatsApp shows with inbound messages; also learns a missing id. */
    public void seen(String profileName, String waId, String userId, Instant now) {
        if (profileName != null && !profileName.isBlank()) {
            this.profileName = dev.tandem.domain.Columns.fit(profileName, 300);
        }
        if (this.waId == null && waId != null) {
            this.waId = waId;
        }
        if (this.userId == null && userId != null) {
            this.userId = userId;
        }
        this.updatedAt = now;
    }

    /**
     * An address-book change from the Business App. Returns false (and changes nothing) when a newer
     * change was already applied: webhooks arrive in any order.
     */
    public boolean applyAddressBook(boolean add, String fullName, String firstName, Instant changedAt, Instant now) {
        if (addressBookChangedAt != null && !changedAt.isAfter(addressBookChangedAt)) {
            return false;
        }
        this.inAddressBook = add;
        this.fullName = add ? dev.tandem.domain.Columns.fit(fullName, 300) : null;
        this.firstName = add ? dev.tandem.domain.Columns.fit(firstName, 300) : null;
        this.addressBookChangedAt = changedAt;
        this.updatedAt = now;
        return true;
    }

    /** The best name to show: the address-book name, else the WhatsApp profile name. */
    public String displayName() {
        return fullName != null ? fullName : profileName;
    }

    public UUID id() { return id; }
    public UUID tenantId() { return tenantId; }
    public String waId() { return waId; }
    public String userId() { return userId; }
    public String profileName() { return profileName; }
    public String fullName() { return fullName; }
    public String firstName() { return firstName; }
    public boolean inAddressBook() { return inAddressBook; }
    public Instant addressBookChangedAt() { return addressBookChangedAt; }
    public Instant updatedAt() { return updatedAt; }
}
