package dev.tandem.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An acknowledged event no tenant owns (unknown number or WABA) or that Tandem ignores (groups): kept for inspection. */
@Entity
@Table(name = "unrouted_event")
public class UnroutedEvent {

    @Id
    private UUID id;

    @Column(name = "app_id", nullable = false, length = 30)
    private String appId;

    @Column(name = "phone_number_id", length = 30)
    private String phoneNumberId;

    @Column(name = "waba_id", length = 30)
    private String wabaId;

    @Column(nullable = false, length = 40)
    private String field;

    @Column(nullable = false, length = 100)
    private String reason;

    @Column(nullable = false)
    private String payload;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    protected UnroutedEvent() {
    }

    public UnroutedEvent(String appId, String phoneNumberId, String wabaId, String field, String reason, String payload,
                         Instant receivedAt) {
        this.id = UUID.randomUUID();
        this.appId = appId;
        // Whatever arrived is kept: over-long ids and names are cut here, the payload and the archive keep them whole.
        this.phoneNumberId = dev.tandem.domain.Columns.fit(phoneNumberId, 30);
        this.wabaId = dev.tandem.domain.Columns.fit(wabaId, 30);
        this.field = dev.tandem.domain.Columns.fit(field, 40);
        this.reason = dev.tandem.domain.Columns.fit(reason, 100);
        this.payload = payload;
        this.receivedAt = receivedAt;
    }
}
