package dev.tandem.tenancy.api;

import dev.tandem.tenancy.TenantProfile;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Create or replace a tenant. Formats (digits, E.164, time zone, currency) are checked by the
 * domain's {@link TenantProfile}; here only presence and size. {@code accessToken}: omit to keep.
 */
public record TenantRequest(
        UUID metaAppId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 30) String wabaId,
        @NotBlank @Size(max = 30) String phoneNumberId,
        @NotBlank @Size(max = 30) String displayNumber,
        Boolean coexistence,
        @Size(max = 20) String throughputTier,
        @Size(max = 10) String graphApiVersion,
        @NotBlank @Size(max = 60) String timeZone,
        @NotBlank @Size(max = 3) String currency,
        @Size(max = 4000) String accessToken) {

    static final String DEFAULT_GRAPH_API_VERSION = "v23.0";

    TenantProfile profile() {
        return TenantProfile.parse(name, wabaId, phoneNumberId, displayNumber, Boolean.TRUE.equals(coexistence),
                throughputTier, graphApiVersion == null ? DEFAULT_GRAPH_API_VERSION : graphApiVersion, timeZone,
                currency);
    }
}
