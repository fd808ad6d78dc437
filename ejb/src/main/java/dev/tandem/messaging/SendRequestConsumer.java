package dev.tandem.messaging;

import dev.tandem.domain.JsonDocuments;
import dev.tandem.domain.InvalidValueException;
import dev.tandem.platform.Caller;
import dev.tandem.platform.ConflictException;
import dev.tandem.platform.ForbiddenException;
import dev.tandem.platform.NotFoundException;
import dev.tandem.tenancy.ApiKeys;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Destination;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The legacy JMS way to send: a TextMessage with the same JSON body as POST /api/v1/messages, the
 * tenant's API key in the string property "apiKey" and an optional "idempotencyKey". The answer goes
 * to JMSReplyTo with the request's correlation id (or its message id): {"status":202|200,"send":{...}}
 * or {"status":4xx,"problem":{"type","detail","errors"}}. Not transactional itself: Outbox commits the
 * send on its own, so a refused send still gets its error reply (a resend with the same key is safe).
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/tandem/SendRequestQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SendRequestConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(SendRequestConsumer.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    Outbox outbox;

    @Inject
    ApiKeys apiKeys;

    @Inject
    JMSContext jms;

    @Override
    public void onMessage(Message request) {
        Destination replyTo;
        String correlation;
        try {
            replyTo = request.getJMSReplyTo();
            correlation = request.getJMSCorrelationID() != null ? request.getJMSCorrelationID() : request.getJMSMessageID();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        String reply = answer(request);
        if (replyTo == null) {
            LOG.warning(() -> "Send request " + correlation + " has no JMSReplyTo; its answer is dropped: " + reply);
            return;
        }
        jms.createProducer().setJMSCorrelationID(correlation).send(replyTo, reply);
    }

    private String answer(Message request) {
        try {
            Optional<Caller> caller = apiKeys.authenticate(request.getStringProperty("apiKey"));
            if (caller.isEmpty()) {
                return problem(401, "unauthorized", "The apiKey property is missing, unknown or revoked.", null);
            }
            JsonObject body;
            try {
                body = JsonDocuments.parse(request.getBody(String.class));
            } catch (RuntimeException e) {
                return problem(400, "unreadable-body", "The message body is not the JSON of a send request.", null);
            }
            String type = text(body, "type");
            OutboundDraft draft = new OutboundDraft(text(body, "to"), type,
                    type != null && body.get(type) instanceof JsonObject content ? content : null);
            UUID tenantId = text(body, "tenantId") == null ? null : UUID.fromString(text(body, "tenantId"));
            Outbox.Submitted submitted = outbox.submit(caller.get(), tenantId, draft, request.getStringProperty("idempotencyKey"));
            return JsonDocuments.object()
                    .add("status", submitted.replayed() ? 200 : 202)
                    .add("send", JsonDocuments.parse(JSONB.toJson(submitted.send())))
                    .build().toString();
        } catch (InvalidValueException e) {
            return problem(400, "validation", "The request has invalid fields.", e);
        } catch (IllegalArgumentException e) {
            return problem(400, "validation", "tenantId must be a tenant id.", null);
        } catch (SendRefusedException e) {
            return problem(422, e.reason(), e.getMessage(), null);
        } catch (NotFoundException e) {
            return problem(404, "not-found", e.getMessage(), null);
        } catch (ForbiddenException e) {
            return problem(403, "forbidden", e.getMessage(), null);
        } catch (ConflictException e) {
            return problem(409, "conflict", e.getMessage(), null);
        } catch (JMSException e) {
            return problem(400, "unreadable-message", "The request is not a text message with string properties.", null);
        }
    }

    private static String problem(int status, String type, String detail, InvalidValueException invalid) {
        JsonObjectBuilder problem = JsonDocuments.object()
                .add("type", "urn:tandem:problem:" + type)
                .add("status", status)
                .add("detail", detail);
        var errors = JsonDocuments.array();
        if (invalid != null) {
            errors.add(JsonDocuments.object().add("field", invalid.field()).add("message", invalid.getMessage()));
        }
        problem.add("errors", errors);
        return JsonDocuments.object().add("status", status).add("problem", problem).build().toString();
    }

    private static String text(JsonObject body, String name) {
        return body.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
