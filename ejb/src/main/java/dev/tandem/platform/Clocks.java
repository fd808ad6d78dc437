package dev.tandem.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** One UTC clock for the whole application, injectable so rules on time stay testable. */
@ApplicationScoped
public class Clocks {
    @Produces
    @ApplicationScoped
    Clock utc() {
        return Clock.systemUTC();
    }
}
