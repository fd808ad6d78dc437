package dev.tandem.platform;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tandem.domain.InvalidValueException;
import dev.tandem.tenancy.Role;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CallerTest {

    private final UUID tenantA = UUID.randomUUID();
    private final UUID tenantB = UUID.randomUUID();

    @Test
    void aTenantCallerSeesOnlyItsOwnTenantAndOthersReadAsNotFound() {
        Caller agent = new Caller("agent", Role.AGENT, tenantA);
        assertTrue(agent.canSee(tenantA));
        assertFalse(agent.canSee(tenantB));
        assertFalse(agent.canSee(null));
        assertThrows(NotFoundException.class, () -> agent.checkCanSee("tenant", tenantB, tenantB));
        assertEquals(Optional.of(tenantA), agent.tenantScope());
    }

    @Test
    void aPlatformAdminSeesEveryTenant() {
        Caller admin = new Caller("admin", Role.PLATFORM_ADMIN, null);
        assertTrue(admin.canSee(tenantA));
        assertTrue(admin.canSee(tenantB));
        assertEquals(Optional.empty(), admin.tenantScope());
    }

    @Test
    void rolesAreCheckedExactly() {
        Caller supervisor = new Caller("sup", Role.SUPERVISOR, tenantA);
        assertThrows(ForbiddenException.class, () -> supervisor.requireRole(Role.PLATFORM_ADMIN, Role.TENANT_ADMIN));
        assertDoesNotThrow(() -> supervisor.requireRole(Role.SUPERVISOR));
    }

    @Test
    void aCallerCannotBeBuiltWithTheWrongTenancy() {
        assertThrows(InvalidValueException.class, () -> new Caller("x", Role.PLATFORM_ADMIN, tenantA));
        assertThrows(InvalidValueException.class, () -> new Caller("x", Role.AGENT, null));
    }
}
