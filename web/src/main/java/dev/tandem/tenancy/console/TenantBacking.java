package dev.tandem.tenancy.console;

import dev.tandem.domain.InvalidValueException;
import dev.tandem.platform.Caller;
import dev.tandem.platform.ConflictException;
import dev.tandem.tenancy.MetaAppView;
import dev.tandem.tenancy.MetaApps;
import dev.tandem.tenancy.TenantProfile;
import dev.tandem.tenancy.TenantView;
import dev.tandem.tenancy.Tenants;
import dev.tandem.tenancy.ThroughputTier;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/** tenant.xhtml: create a tenant (no id) or edit one (?id=...). Domain errors land on their field. */
@Named
@ViewScoped
public class TenantBacking implements Serializable {

    static final String FORM = "tenant";

    @Inject
    Tenants tenants;

    @Inject
    MetaApps metaApps;

    @Inject
    Caller caller;

    private UUID id;
    private UUID metaAppId;
    private String name;
    private String wabaId;
    private String phoneNumberId;
    private String displayNumber;
    private boolean coexistence = true;
    private ThroughputTier throughputTier = ThroughputTier.STANDARD;
    private String graphApiVersion = "v23.0";
    private String timeZone = "UTC";
    private String currency = "EUR";
    private String accessToken;
    private boolean active = true;

    /** f:viewAction: fills the form when editing. */
    public void load() {
        if (id == null) {
            return;
        }
        TenantView t = tenants.find(caller, id);
        metaAppId = t.metaAppId();
        name = t.name();
        wabaId = t.wabaId();
        phoneNumberId = t.phoneNumberId();
        displayNumber = "+" + t.displayNumber();
        coexistence = t.coexistence();
        throughputTier = t.throughputTier();
        graphApiVersion = t.graphApiVersion();
        timeZone = t.timeZone();
        currency = t.currency();
        active = t.active();
    }

    public List<MetaAppView> getMetaAppOptions() {
        return caller.isPlatformAdmin() ? metaApps.list(caller, 0, 200).items() : List.of();
    }

    public ThroughputTier[] getTierOptions() {
        return ThroughputTier.values();
    }

    public void save() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        try {
            TenantProfile profile = TenantProfile.parse(name, wabaId, phoneNumberId, displayNumber, coexistence,
                    throughputTier == null ? null : throughputTier.name(), graphApiVersion, timeZone, currency);
            TenantView saved;
            if (id == null) {
                if (metaAppId == null) {
                    throw new InvalidValueException("metaAppId", "choose the Meta app this number belongs to");
                }
                saved = tenants.create(caller, metaAppId, profile, accessToken);
            } else {
                saved = tenants.revise(caller, id, profile, accessToken);
            }
            faces.getExternalContext().getFlash().setKeepMessages(true);
            faces.addMessage(null, new FacesMessage("Saved tenant " + saved.name() + "."));
            faces.getExternalContext().redirect(faces.getExternalContext().getRequestContextPath()
                    + "/console/tenancy/tenants.xhtml");
        } catch (InvalidValueException e) {
            fieldError(faces, e.field(), e.getMessage());
        } catch (ConflictException e) {
            fieldError(faces, e.field(), e.getMessage());
        }
    }

    public void deactivate() {
        tenants.deactivate(caller, id);
        active = false;
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage("Tenant deactivated."));
    }

    public void reactivate() {
        tenants.reactivate(caller, id);
        active = true;
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage("Tenant reactivated."));
    }

    private static void fieldError(FacesContext faces, String field, String message) {
        FacesMessage error = new FacesMessage(FacesMessage.SEVERITY_ERROR, message, message);
        boolean known = faces.getViewRoot().findComponent(FORM + ":" + field) != null;
        faces.addMessage(known ? FORM + ":" + field : null, error);
        faces.validationFailed();
    }

    public boolean isEditing() { return id != null; }
    public UUID getId() { return id; }
    public void setId(UUID id) { this.id = id; }
    public UUID getMetaAppId() { return metaAppId; }
    public void setMetaAppId(UUID metaAppId) { this.metaAppId = metaAppId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getWabaId() { return wabaId; }
    public void setWabaId(String wabaId) { this.wabaId = wabaId; }
    public String getPhoneNumberId() { return phoneNumberId; }
    public void setPhoneNumberId(String phoneNumberId) { this.phoneNumberId = phoneNumberId; }
    public String getDisplayNumber() { return displayNumber; }
    public void setDisplayNumber(String displayNumber) { this.displayNumber = displayNumber; }
    public boolean isCoexistence() { return coexistence; }
    public void setCoexistence(boolean coexistence) { this.coexistence = coexistence; }
    public ThroughputTier getThroughputTier() { return throughputTier; }
    public void setThroughputTier(ThroughputTier throughputTier) { this.throughputTier = throughputTier; }
    public String getGraphApiVersion() { return graphApiVersion; }
    public void setGraphApiVersion(String graphApiVersion) { this.graphApiVersion = graphApiVersion; }
    public String getTimeZone() { return timeZone; }
    public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getAccessToken() { return accessToken; }
    public void setAccessToken(String accessToken) { this.accessToken = accessToken; }
    public boolean isActive() { return active; }
}
