package dev.tandem.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.domain.InvalidValueException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TenancyEntitiesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");
    private static final TenantProfile PROFILE = TenantProfile.parse("Bakery", "2", "3", "+4915100000001", true,
            null, "v23.0", "UTC", "EUR");

    @Test
    void platformAdminsBelongToNoTenantAndEveryOtherRoleToOne() {
        assertThrows(InvalidValueException.class, () -> new UserAccount("root", "h", Role.PLATFORM_ADMIN, UUID.randomUUID(), NOW));
        assertThrows(InvalidValueException.class, () -> new UserAccount("agent", "h", Role.AGENT, null, NOW));
        assertThrows(InvalidValueException.class, () -> new ApiKey(null, "k", Role.TENANT_ADMIN, "h", "tdm_", NOW));
        assertEquals(Role.AGENT, new UserAccount("agent", "h", Role.AGENT, UUID.randomUUID(), NOW).role());
    }

    @Test
    void usernamesCannotCollideWithApiKeyCallerNames() {
        var e = assertThrows(InvalidValueException.class,
                () -> new UserAccount("apikey:123", "h", Role.PLATFORM_ADMIN, null, NOW));
        assertEquals("username", e.field());
    }

    @Test
    void revokingAKeyKeepsTheFirstRevocationTime() {
        ApiKey key = new ApiKey(UUID.randomUUID(), "crm", Role.AGENT, "hash", "tdm_abc", NOW);
        assertFalse(key.revoked());
        key.revoke(NOW);
        key.revoke(NOW.plusSeconds(60));
        assertTrue(key.revoked());
        assertEquals(NOW, key.revokedAt());
        assertTrue(key.callerName().startsWith("apikey:"));
    }

    @Test
    void tenantRevisionKeepsTheAccessTokenUnlessANewOneIsGiven() {
        MetaApp app = new MetaApp("100", "App", "v1:secret", "v1:verify", NOW);
        Tenant tenant = new Tenant(app, PROFILE, "v1:token", NOW);
        tenant.revise(TenantProfile.parse("Renamed", "2", "3", "+4915100000001", false, "UPGRADED", "v24.0", "UTC",
                "USD"), null, NOW.plusSeconds(5));
        assertEquals("v1:token", tenant.accessTokenSealed());
        assertEquals("Renamed", tenant.profile().name());
        assertEquals(1000, tenant.profile().messagesPerSecond());
        assertEquals(NOW.plusSeconds(5), tenant.updatedAt());
        tenant.revise(PROFILE, "v1:new", NOW);
        assertEquals("v1:new", tenant.accessTokenSealed());
    }

    @Test
    void deactivatedTenantsCanBeReactivated() {
        Tenant tenant = new Tenant(new MetaApp("100", "App", "v1:s", "v1:v", NOW), PROFILE, null, NOW);
        assertTrue(tenant.active());
        assertFalse(tenant.hasAccessToken());
        tenant.deactivate(NOW);
        assertFalse(tenant.active());
        tenant.reactivate(NOW);
        assertTrue(tenant.active());
    }

    @Test
    void anIdleBusinessAppIsFlaggedOnlyForActiveCoexistenceNumbers() {
        java.time.Duration twelveDays = java.time.Duration.ofDays(12);
        Tenant tenant = new Tenant(new MetaApp("100", "App", "v1:s", "v1:v", NOW), PROFILE, null, NOW);
        assertFalse(tenant.businessAppIdleLongerThan(twelveDays, NOW.plus(java.time.Duration.ofDays(11))));
        assertTrue(tenant.businessAppIdleLongerThan(twelveDays, NOW.plus(java.time.Duration.ofDays(13))),
                "with no echo yet, onboarding is the last sign of life");
        tenant.changeNumberState(NumberState.DISCONNECTED, "PRIMARY_INACTIVITY", NOW);
        assertFalse(tenant.businessAppIdleLongerThan(twelveDays, NOW.plus(java.time.Duration.ofDays(13))),
                "a disconnected number needs no warning");
    }

    @Test
    void numberStateFollowsMetasLifecycleAndDisconnectionIsFinal() {
        Tenant tenant = new Tenant(new MetaApp("100", "App", "v1:s", "v1:v", NOW), PROFILE, null, NOW);
        assertEquals(NumberState.ACTIVE, tenant.numberState());
        assertTrue(tenant.changeNumberState(NumberState.SUSPENDED, "ACCOUNT_OFFBOARDED", NOW));
        assertFalse(tenant.changeNumberState(NumberState.SUSPENDED, "ACCOUNT_OFFBOARDED", NOW), "a repeat changes nothing");
        assertTrue(tenant.changeNumberState(NumberState.ACTIVE, "ACCOUNT_RECONNECTED", NOW));
        assertTrue(tenant.changeNumberState(NumberState.DISCONNECTED, "PRIMARY_INACTIVITY", NOW));
        assertFalse(tenant.changeNumberState(NumberState.SUSPENDED, "ACCOUNT_OFFBOARDED", NOW));
        assertEquals("PRIMARY_INACTIVITY", tenant.numberStateReason());
    }

    @Test
    void metaAppIdMustBeDigits() {
        assertEquals("appId", assertThrows(InvalidValueException.class,
                () -> new MetaApp("app-1", "App", "v1:s", "v1:v", NOW)).field());
    }
}
