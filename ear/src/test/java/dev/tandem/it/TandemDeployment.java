package dev.tandem.it;

import java.io.File;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The real EAR the build produced, and the fixtures every integration test shares. */
final class TandemDeployment {

    static final String ADMIN_PASSWORD = System.getProperty("tandem.it.admin.password");
    static final String PLATFORM_KEY = System.getProperty("tandem.it.admin.api.key");

    private TandemDeployment() {
    }

    static EnterpriseArchive ear() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, new File(System.getProperty("tandem.ear")));
    }

    /** Meta ids are decimal strings; random ones keep tests independent of data left by earlier runs. */
    static String randomDigits(int length) {
        StringBuilder digits = new StringBuilder().append(1 + ThreadLocalRandom.current().nextInt(9));
        while (digits.length() < length) {
            digits.append(ThreadLocalRandom.current().nextInt(10));
        }
        return digits.toString();
    }
}
