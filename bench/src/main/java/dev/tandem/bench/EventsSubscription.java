package dev.tandem.bench;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.net.URI;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A non-durable subscriber on TandemEvents, outside the server as a legacy system is: the Artemis
 * client over WildFly's HTTP port (HTTP upgrade to the broker), as an application user in group
 * tandem-events. Every message event is handed to {@link EndToEnd} with its arrival time.
 */
final class EventsSubscription implements AutoCloseable {

    private static final String SELECTOR = "type IN ('message.received', 'echo.mirrored', 'status.changed')";

    private final Connection connection;

    private EventsSubscription(Connection connection) {
        this.connection = connection;
    }

    static EventsSubscription open(String tandemUrl, String user, String password, EndToEnd endToEnd) throws JMSException {
        URI http = URI.create(tandemUrl);
        int port = http.getPort() > 0 ? http.getPort() : 80;
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory("tcp://" + http.getHost() + ":" + port
                + "?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor");
        factory.setEnable1xPrefixes(true); // WildFly names JMS addresses jms.topic.*
        Connection connection;
        try {
            connection = factory.createConnection(user, password);
        } catch (JMSSecurityException e) {
            factory.close();
            throw new IllegalStateException("the broker refused user '" + user + "' (" + e.getMessage() + "). Create it on"
                    + " the server, then run again:\n    $JBOSS_HOME/bin/add-user.sh -a -u " + user
                    + " -p '<password>' -g tandem-events\nand, if the server is running, reload the realm:\n    $JBOSS_HOME/bin/jboss-cli.sh"
                    + " -c --controller=localhost:<management port> '/subsystem=elytron/properties-realm=ApplicationRealm:load'\n"
                    + "(pass --events-user and --events-password; --events-user=none skips end-to-end latency)", e);
        }
        Session session = connection.createSession(false, Session.DUPS_OK_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createTopic("TandemEvents"), SELECTOR);
        consumer.setMessageListener(message -> {
            long now = System.nanoTime();
            try {
                if (message instanceof TextMessage text) {
                    endToEnd.arrived(text.getText(), now);
                }
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        connection.start();
        return new EventsSubscription(connection);
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
