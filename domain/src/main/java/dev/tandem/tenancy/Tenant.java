package dev.tandem.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.UUID;

/**
 * A business on Tandem: one WhatsApp number (phone-number id) in one WhatsApp Business Account,
 * reached through one Meta app. A tenant is never deleted, only deactivated, so its history stays.
 */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    private UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "meta_app_id", nullable = false)
    private MetaApp metaApp;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "waba_id", nullable = false, length = 30)
    private String wabaId;

    @Column(name = "phone_number_id", nullable = false, unique = true, length = 30)
    private String phoneNumberId;

    @Column(name = "display_number", nullable = false, length = 15)
    private String displayNumber;

    @Column(nullable = false)
    private boolean coexistence;

    @Enumerated(EnumType.STRING)
    @Column(name = "throughput_tier", nullable = false, length = 20)
    private ThroughputTier throughputTier;

    @Column(name = "graph_api_version", nullable = false, length = 10)
    private String graphApiVersion;

    @Column(name = "access_token_sealed", length = 4000)
    private String accessTokenSealed;

    @Column(name = "time_zone", nullable = false, length = 60)
    private String timeZone;

    @Column(nullable = false, length = 3)
    private String currency;

    @Column(nullable = false)
    private boolean active;

    @Enumerated(EnumType.STRING)
    @Column(name = "number_state", nullable = false, length = 20)
    private NumberState numberState = NumberState.ACTIVE;

    /** Meta's disconnection_info.reason (e.g. PRIMARY_INACTIVITY) or the event that set the state. */
    @Column(name = "number_state_reason", length = 100)
    private String numberStateReason;

    @Column(name = "number_state_changed_at")
    private Instant numberStateChangedAt;

    /** Last echo from the Business App; Meta disconnects a coexistence number after ~14 idle days. */
    @Column(name = "last_business_app_activity_at")
    private Instant lastBusinessAppActivityAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Tenant() {
    }

    public Tenant(MetaApp metaApp, TenantProfile profile, String accessTokenSealed, Instant now) {
        this.id = UUID.randomUUID();
        this.metaApp = java.util.Objects.requireNonNull(metaApp, "metaApp");
        this.active = true;
        this.createdAt = now;
        this.accessTokenSealed = accessTokenSealed;
        apply(profile, now);
    }

    /** Replaces the profile; a null sealed token keeps the current access token. */
    public void revise(TenantProfile profile, String accessTokenSealed, Instant now) {
        apply(profile, now);
        if (accessTokenSealed != null) {
            this.accessTokenSealed = accessTokenSealed;
        }
    }

    public void deactivate(Instant now) {
        this.active = false;
        this.updatedAt = now;
    }

    public void reactivate(Instant now) {
        this.active = true;
        this.updatedAt = now;
    }

    /**
     * Applies a lifecycle event from Meta. Returns false when nothing changed (a repeated event).
     * A disconnected number stays disconnected until an admin reconnects it through a new signup.
     */
    public boolean changeNumberState(NumberState next, String reasonFromMeta, Instant at) {
        String reason = dev.tandem.domain.Columns.fit(reasonFromMeta, 100);
        if (next == numberState && java.util.Objects.equals(reason, numberStateReason)) {
            return false;
        }
        if (numberState == NumberState.DISCONNECTED && next == NumberState.SUSPENDED) {
            return false;
        }
        numberState = next;
        numberStateReason = reason;
        numberStateChangedAt = at;
        return true;
    }

    /**
     * Meta disconnects a coexistence number whose Business App stays idle for about 14 days; Tandem
     * warns once the last sign of life (an echo, else onboarding) is {@code warnAfter} old.
     */
    public boolean businessAppIdleLongerThan(java.time.Duration warnAfter, Instant now) {
        if (!active || !coexistence || numberState != NumberState.ACTIVE) {
            return false;
        }
        Instant lastSignOfLife = lastBusinessAppActivityAt != null ? lastBusinessAppActivityAt : createdAt;
        return lastSignOfLife.plus(warnAfter).isBefore(now);
    }

    private void apply(TenantProfile profile, Instant now) {
        this.name = profile.name();
        this.wabaId = profile.wabaId();
        this.phoneNumberId = profile.phoneNumberId();
        this.displayNumber = profile.displayNumber();
        this.coexistence = profile.coexistence();
        this.throughputTier = profile.throughputTier();
        this.graphApiVersion = profile.graphApiVersion();
        this.timeZone = profile.timeZone().getId();
        this.currency = profile.currency().getCurrencyCode();
        this.updatedAt = now;
    }

    public TenantProfile profile() {
        return new TenantProfile(name, wabaId, phoneNumberId, displayNumber, coexistence, throughputTier,
                graphApiVersion, ZoneId.of(timeZone), Currency.getInstance(currency));
    }

    public UUID id() { return id; }
    public MetaApp metaApp() { return metaApp; }
    public String name() { return name; }
    public boolean active() { return active; }
    public NumberState numberState() { return numberState; }
    public String numberStateReason() { return numberStateReason; }
    public Instant numberStateChangedAt() { return numberStateChangedAt; }
    public Instant lastBusinessAppActivityAt() { return lastBusinessAppActivityAt; }
    public boolean hasAccessToken() { return accessTokenSealed != null; }
    public String accessTokenSealed() { return accessTokenSealed; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
}
