package dev.tandem.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tandem.domain.InvalidValueException;
import java.time.ZoneId;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TenantProfileTest {

    private static TenantProfile parse(String display, boolean coexistence, String tier, String zone, String currency) {
        return TenantProfile.parse("Bakery", "200000000000001", "300000000000001", display, coexistence, tier,
                "v23.0", zone, currency);
    }

    @Test
    void displayNumberIsStoredAsE164Digits() {
        assertEquals("4915123456789", parse("+49 (151) 2345-6789", false, "STANDARD", "UTC", "EUR").displayNumber());
    }

    @ParameterizedTest
    @CsvSource({"0049151", "+0151234567", "abc", "+49151234567890123", "12345"})
    void displayNumberThatIsNotE164IsRefusedOnItsField(String bad) {
        var e = assertThrows(InvalidValueException.class, () -> parse(bad, false, "STANDARD", "UTC", "EUR"));
        assertEquals("displayNumber", e.field());
    }

    @Test
    void coexistenceNumbersAreCappedAtTwentyMessagesPerSecondWhateverTheTier() {
        assertEquals(20, parse("+4915100000001", true, "UPGRADED", "UTC", "EUR").messagesPerSecond());
        assertEquals(1000, parse("+4915100000001", false, "UPGRADED", "UTC", "EUR").messagesPerSecond());
        assertEquals(80, parse("+4915100000001", false, "STANDARD", "UTC", "EUR").messagesPerSecond());
    }

    @Test
    void missingTierMeansStandardAndTierIsCaseInsensitive() {
        assertEquals(ThroughputTier.STANDARD, parse("+4915100000001", false, null, "UTC", "EUR").throughputTier());
        assertEquals(ThroughputTier.UPGRADED, parse("+4915100000001", false, "upgraded", "UTC", "EUR").throughputTier());
    }

    @Test
    void timeZoneAndCurrencyAreParsedAndValidated() {
        TenantProfile profile = parse("+4915100000001", false, null, "Europe/Berlin", "brl");
        assertEquals(ZoneId.of("Europe/Berlin"), profile.timeZone());
        assertEquals(Currency.getInstance("BRL"), profile.currency());
        assertEquals("timeZone", assertThrows(InvalidValueException.class,
                () -> parse("+4915100000001", false, null, "Mars/Olympus", "EUR")).field());
        assertEquals("currency", assertThrows(InvalidValueException.class,
                () -> parse("+4915100000001", false, null, "UTC", "XYZ1")).field());
        assertEquals("throughputTier", assertThrows(InvalidValueException.class,
                () -> parse("+4915100000001", false, "TURBO", "UTC", "EUR")).field());
    }

    @Test
    void idsMustBeDigitsAndGraphVersionMustLookLikeMetas() {
        assertEquals("wabaId", assertThrows(InvalidValueException.class, () -> TenantProfile.parse("B", "12a", "1",
                "+4915100000001", false, null, "v23.0", "UTC", "EUR")).field());
        assertEquals("phoneNumberId", assertThrows(InvalidValueException.class, () -> TenantProfile.parse("B", "1", " ",
                "+4915100000001", false, null, "v23.0", "UTC", "EUR")).field());
        assertEquals("graphApiVersion", assertThrows(InvalidValueException.class, () -> TenantProfile.parse("B", "1", "1",
                "+4915100000001", false, null, "23", "UTC", "EUR")).field());
        assertEquals("name", assertThrows(InvalidValueException.class, () -> TenantProfile.parse("x".repeat(201), "1",
                "1", "+4915100000001", false, null, "v23.0", "UTC", "EUR")).field());
    }
}
