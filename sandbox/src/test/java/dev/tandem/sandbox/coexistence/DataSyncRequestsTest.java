package dev.tandem.sandbox.coexistence;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.sandbox.GraphException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataSyncRequestsTest {

    private static final Instant ONBOARDED = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void eachSyncTypeCanBeRequestedOncePerOnboarding() {
        DataSyncRequests requests = new DataSyncRequests(ONBOARDED);
        assertDoesNotThrow(() -> requests.request("smb_app_state_sync", ONBOARDED.plusSeconds(60)));
        GraphException again = assertThrows(GraphException.class,
                () -> requests.request("smb_app_state_sync", ONBOARDED.plusSeconds(120)));
        assertEquals(400, again.httpStatus());
        assertEquals(100, again.code());
        assertTrue(again.details().contains("once"), again.details());
        assertDoesNotThrow(() -> requests.request("history", ONBOARDED.plusSeconds(120)), "the other type is separate");
        assertEquals(List.of("smb_app_state_sync", "history"), requests.requested());
    }

    @Test
    void onlyWithin24HoursOfOnboarding() {
        DataSyncRequests requests = new DataSyncRequests(ONBOARDED);
        assertDoesNotThrow(() -> requests.request("history", ONBOARDED.plus(Duration.ofHours(24))), "the last second counts");
        GraphException late = assertThrows(GraphException.class,
                () -> requests.request("smb_app_state_sync", ONBOARDED.plus(Duration.ofHours(24)).plusSeconds(1)));
        assertEquals(100, late.code());
        assertTrue(late.details().contains("24 hours"), late.details());
        assertFalse(requests.requested("smb_app_state_sync"), "a refused request does not count");
    }

    @Test
    void unknownOrMissingSyncTypesAreInvalid() {
        DataSyncRequests requests = new DataSyncRequests(ONBOARDED);
        assertEquals(100, assertThrows(GraphException.class, () -> requests.request("contacts", ONBOARDED)).code());
        assertEquals(100, assertThrows(GraphException.class, () -> requests.request(null, ONBOARDED)).code());
        assertTrue(requests.requested().isEmpty());
    }
}
