package dev.tandem.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** Ids that look like Meta's: "wamid." + base64, and decimal media/template ids. */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** Meta's wamids are "wamid." + base64 of a binary blob that embeds the recipient. */
    public static String wamid(String recipient) {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        String digits = recipient.length() > 30 ? recipient.substring(0, 30) : recipient;
        byte[] head = ("\u001c\u0018" + (char) digits.length() + digits + "\u0015\u0002\u0000\u0012\u0018\u0014")
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + random.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(random, 0, all, head.length, random.length);
        return "wamid." + Base64.getEncoder().encodeToString(all);
    }

    public static String decimal(int digits) {
        StringBuilder id = new StringBuilder().append(1 + RANDOM.nextInt(9));
        while (id.length() < digits) {
            id.append(RANDOM.nextInt(10));
        }
        return id.toString();
    }
}
