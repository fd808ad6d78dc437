package dev.tandem.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.sql.Connection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** The checks behind /health: a real round trip to the database and to the broker, each bounded. */
@ApplicationScoped
public class Probes {

    private static final Logger LOG = Logger.getLogger(Probes.class.getName());

    /** One check's outcome; the reason is logged, never published (it could name hosts or users). */
    public record Result(String name, boolean up) {
    }

    @Resource(lookup = "java:comp/DefaultDataSource")
    DataSource dataSource;

    @Resource(lookup = "java:/ConnectionFactory")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "java:/jms/tandem/DeadLetterQueue")
    Queue deadLetters;

    public List<Result> all() {
        return List.of(database(), broker());
    }

    Result database() {
        try (Connection connection = dataSource.getConnection()) {
            return new Result("database", connection.isValid(2));
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Health: database unreachable: {0}", e.getMessage());
            return new Result("database", false);
        }
    }

    /** Browsing the dead-letter queue is a real round trip to the broker. */
    Result broker() {
        try (JMSContext jms = connectionFactory.createContext();
             QueueBrowser browser = jms.createBrowser(deadLetters)) {
            browser.getEnumeration().hasMoreElements();
            return new Result("broker", true);
        } catch (Exception e) {
            LOG.log(Level.WARNING, "Health: broker unreachable: {0}", e.getMessage());
            return new Result("broker", false);
        }
    }
}
