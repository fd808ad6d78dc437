package dev.tandem.tenancy.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Register or revise a Meta app. On revise, an omitted secret or verify token is kept. */
public record MetaAppRequest(
        @Size(max = 30) String appId,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 500) String appSecret,
        @Size(max = 500) String verifyToken) {
}
