package dev.tandem.tenancy.api;

import dev.tandem.tenancy.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Issue a key for a tenant (or, platform admins only, a platform key: tenantId null, role PLATFORM_ADMIN). */
public record ApiKeyRequest(UUID tenantId, @NotBlank @Size(max = 100) String name, @NotNull Role role) {
}
