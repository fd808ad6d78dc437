package dev.tandem.tenancy;

/** A newly issued key: the only time the clear key is ever shown. */
public record IssuedApiKey(ApiKeyView key, String secret) {
}
