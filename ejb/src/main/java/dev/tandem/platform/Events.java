package dev.tandem.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.util.UUID;

/**
 * Publishes one JSON event per fact on the events topic for the console and legacy subscribers.
 * The send joins the caller's transaction: an event exists only if the fact was committed.
 * Envelope: {"type", "tenantId", "occurredAt", "data"}; the JMS property "type" allows selectors.
 */
@Stateless
public class Events {

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    JMSContext jms;

    @Resource(lookup = "java:/jms/tandem/EventsTopic")
    Topic topic;

    @Inject
    Clock clock;

    public void publish(String type, UUID tenantId, Object data) {
        var envelope = new java.util.LinkedHashMap<String, Object>();
        envelope.put("type", type);
        envelope.put("tenantId", tenantId == null ? null : tenantId.toString());
        envelope.put("occurredAt", clock.instant().toString());
        envelope.put("data", data);
        jms.createProducer()
                .setProperty("type", type)
                .setProperty("tenantId", tenantId == null ? "" : tenantId.toString())
                .send(topic, JSON.toJson(envelope));
    }
}
