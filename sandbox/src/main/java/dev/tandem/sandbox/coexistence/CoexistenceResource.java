package dev.tandem.sandbox.coexistence;

import dev.tandem.sandbox.MetaJson;
import dev.tandem.sandbox.GraphException;
import dev.tandem.sandbox.SandboxNumber;
import dev.tandem.sandbox.World;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Scripts the Business App of a coexistence number: its address book (changes reach the partner as
 * smb_app_state_sync webhooks once it requested the contacts sync), its chat history (sent when the
 * partner requests the history sync, or declined), and the partner's smb_app_data request itself, so
 * the world page can play the partner.
 */
@Path("world")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CoexistenceResource {

    @Inject
    World world;

    @Inject
    Coexistence coexistence;

    public record ContactRequest(String fullName, String firstName) {
    }

    /** Onboarding time, sync types requested so far, history state and the address book. */
    @GET
    @Path("numbers/{id}/data-sync")
    public String state(@PathParam("id") String id) {
        Coexistence.SyncState state = coexistence.state(world.number(id));
        JsonArrayBuilder requested = MetaJson.arrayBuilder();
        state.requested().forEach(requested::add);
        JsonArrayBuilder contacts = MetaJson.arrayBuilder();
        for (ContactBook.Entry e : state.contacts()) {
            JsonObjectBuilder c = MetaJson.object().add("phone", e.phone()).add("fullName", e.fullName());
            if (e.firstName() != null) {
                c.add("firstName", e.firstName());
            }
            contacts.add(c);
        }
        return MetaJson.object()
                .add("onboarded_at", state.onboardedAt().toString())
                .add("window_ends_at", state.onboardedAt().plus(DataSyncRequests.WINDOW).toString())
                .add("requested", requested)
                .add("history_scripted", state.historyScripted())
                .add("history_sent", state.historySent())
                .add("contacts", contacts)
                .build().toString();
    }

    /** The world plays the partner: the same smb_app_data request and rules as the Graph call. */
    @POST
    @Path("numbers/{id}/data-sync/{syncType}")
    public String request(@PathParam("id") String id, @PathParam("syncType") String syncType) {
        return MetaJson.object().add("messaging_product", "whatsapp")
                .add("request_id", coexistence.requestSync(world.number(id), syncType)).build().toString();
    }

    /** Adds or edits a contact on the phone. */
    @PUT
    @Path("numbers/{id}/contacts/{phone}")
    public String putContact(@PathParam("id") String id, @PathParam("phone") String phone, ContactRequest c) {
        if (c == null) {
            throw GraphException.missingParameter("body with fullName is required");
        }
        return change(world.number(id), coexistence.putContact(world.number(id), phone, c.fullName(), c.firstName()));
    }

    @DELETE
    @Path("numbers/{id}/contacts/{phone}")
    public String removeContact(@PathParam("id") String id, @PathParam("phone") String phone) {
        SandboxNumber number = world.number(id);
        return change(number, coexistence.removeContact(number, phone));
    }

    /** Scripts the history for the history sync (202: sent now if already requested, else on the request). */
    @POST
    @Path("numbers/{id}/history")
    public Response history(@PathParam("id") String id, HistoryScript script) {
        Coexistence.HistoryPlanSummary summary = coexistence.scriptHistory(world.number(id),
                script == null ? new HistoryScript(null, null, null, null, null, null, null, null) : script);
        return Response.status(202).entity(MetaJson.object().add("started", summary.started())
                .add("chunks", summary.chunks()).build().toString()).build();
    }

    private String change(SandboxNumber number, ContactBook.Change change) {
        return MetaJson.object().add("action", change.action()).add("phone", change.phone())
                .add("timestamp", change.timestamp())
                .add("announced", coexistence.state(number).requested().contains(DataSyncRequests.CONTACTS))
                .build().toString();
    }
}
