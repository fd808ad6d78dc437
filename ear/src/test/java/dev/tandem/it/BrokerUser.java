package dev.tandem.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.as.controller.client.helpers.Operations;

/**
 * An application user made for one test with add-user.sh and removed after it, with a password that
 * is random per run (a user left behind by an aborted run is of no use to anybody), and the broker
 * client a system outside the server would use.
 */
final class BrokerUser implements AutoCloseable {

    /** WildFly's http-acceptor behind HTTP upgrade on the public port, as RemoteConnectionFactory uses it. */
    private static final String BROKER_URL =
            "tcp://127.0.0.1:8080?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor";

    private final ManagementClient management;
    private final String name;
    private final String password = UUID.randomUUID().toString();

    private BrokerUser(ManagementClient management, String name) {
        this.management = management;
        this.name = name;
    }

    /** Adds the user in the given groups (comma-separated) and reloads the realm so the broker knows it. */
    static BrokerUser add(ManagementClient management, String name, String groups) throws Exception {
        BrokerUser user = new BrokerUser(management, name);
        Process addUser = new ProcessBuilder(Path.of(System.getProperty("jboss.home"), "bin", "add-user.sh").toString(),
                "-a", "-s", "-u", name, "-p", user.password, "-g", groups).redirectErrorStream(true).start();
        String output = new String(addUser.getInputStream().readAllBytes());
        assertEquals(0, addUser.waitFor(), output);
        user.reloadApplicationRealm();
        return user;
    }

    /** A client connection factory for the broker; WildFly names JMS addresses jms.topic.* / jms.queue.*. */
    static ActiveMQConnectionFactory connectionFactory() {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(BROKER_URL);
        factory.setEnable1xPrefixes(true);
        return factory;
    }

    /** A new connection as this user, not started. */
    Connection connect() throws JMSException {
        return connectionFactory().createConnection(name, password);
    }

    @Override
    public void close() throws IOException {
        Path config = Path.of(System.getProperty("jboss.home"), "standalone", "configuration");
        for (String file : new String[] {"application-users.properties", "application-roles.properties"}) {
            Path path = config.resolve(file);
            List<String> kept = Files.readAllLines(path).stream().filter(l -> !l.startsWith(name + "=")).toList();
            Files.write(path, kept);
        }
        reloadApplicationRealm();
    }

    private void reloadApplicationRealm() throws IOException {
        var result = management.getControllerClient().execute(Operations.createOperation("load",
                Operations.createAddress("subsystem", "elytron", "properties-realm", "ApplicationRealm")));
        assertTrue(Operations.isSuccessfulOutcome(result), result.toString());
    }
}
