package dev.tandem.tenancy.api;

import dev.tandem.tenancy.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A console user: tenant users need tenantId, platform admins have none. The password is hashed at once. */
public record UserRequest(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password,
                          @NotNull Role role, UUID tenantId) {
}
