package dev.tandem.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Dispatches queued sends, grouped per (tenant, recipient) so one customer's messages leave in order.
 * A retryable failure rolls the transaction back: the broker redelivers after its backoff delay.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/tandem/OutboundQueue"),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "16")})
public class OutboundConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(OutboundConsumer.class.getName());

    @Inject
    Dispatcher dispatcher;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        UUID id;
        int delivery;
        try {
            id = UUID.fromString(message.getBody(String.class));
            delivery = message.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        try {
            dispatcher.dispatch(id, delivery);
        } catch (RetryLaterException e) {
            LOG.fine(() -> "Send " + id + " retried later (delivery " + delivery + "): " + e.getMessage());
            context.setRollbackOnly();
        }
    }
}
