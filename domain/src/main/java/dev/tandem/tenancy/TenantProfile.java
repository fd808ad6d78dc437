package dev.tandem.tenancy;

import dev.tandem.domain.InvalidValueException;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.regex.Pattern;

/**
 * The editable description of a tenant's business and WhatsApp number, validated as a whole so
 * that an entity can never hold a half-valid profile.
 */
public record TenantProfile(
        String name,
        String wabaId,
        String phoneNumberId,
        String displayNumber,
        boolean coexistence,
        ThroughputTier throughputTier,
        String graphApiVersion,
        ZoneId timeZone,
        Currency currency) {

    private static final Pattern GRAPH_VERSION = Pattern.compile("v\\d{1,3}\\.\\d");

    public TenantProfile {
        name = InvalidValueException.requireText("name", name, 200);
        wabaId = InvalidValueException.requireDigits("wabaId", wabaId, 30);
        phoneNumberId = InvalidValueException.requireDigits("phoneNumberId", phoneNumberId, 30);
        displayNumber = normalizeE164("displayNumber", displayNumber);
        if (throughputTier == null) {
            throw new InvalidValueException("throughputTier", "must be one of STANDARD, UPGRADED");
        }
        graphApiVersion = InvalidValueException.requireText("graphApiVersion", graphApiVersion, 10);
        if (!GRAPH_VERSION.matcher(graphApiVersion).matches()) {
            throw new InvalidValueException("graphApiVersion", "must look like v23.0");
        }
        if (timeZone == null) {
            throw new InvalidValueException("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
        if (currency == null) {
            throw new InvalidValueException("currency", "must be an ISO 4217 code such as EUR");
        }
    }

    /** Builds a profile from the loosely typed strings that arrive over REST or from a form. */
    public static TenantProfile parse(String name, String wabaId, String phoneNumberId, String displayNumber,
                                      boolean coexistence, String throughputTier, String graphApiVersion,
                                      String timeZone, String currency) {
        return new TenantProfile(name, wabaId, phoneNumberId, displayNumber, coexistence,
                parseTier(throughputTier), graphApiVersion, parseZone(timeZone), parseCurrency(currency));
    }

    /** Meta's throughput for this number: coexistence numbers are held at 20 mps. */
    public int messagesPerSecond() {
        return coexistence ? ThroughputTier.COEXISTENCE_MESSAGES_PER_SECOND : throughputTier.messagesPerSecond();
    }

    /** E.164 as digits only: "+49 151 2345-6789" becomes "4915123456789". */
    static String normalizeE164(String field, String raw) {
        String text = InvalidValueException.requireText(field, raw, 30);
        String digits = text.replaceAll("[\\s().-]", "");
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        if (!digits.matches("[1-9]\\d{6,14}")) {
            throw new InvalidValueException(field, "must be an E.164 number such as +4915123456789");
        }
        return digits;
    }

    private static ThroughputTier parseTier(String value) {
        if (value == null || value.isBlank()) {
            return ThroughputTier.STANDARD;
        }
        try {
            return ThroughputTier.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("throughputTier", "must be one of STANDARD, UPGRADED");
        }
    }

    private static ZoneId parseZone(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("timeZone", "must be an IANA time zone such as Europe/Berlin");
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidValueException("timeZone", "unknown time zone '" + value + "'");
        }
    }

    private static Currency parseCurrency(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException("currency", "must be an ISO 4217 code such as EUR");
        }
        try {
            return Currency.getInstance(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("currency", "unknown currency '" + value + "'");
        }
    }
}
