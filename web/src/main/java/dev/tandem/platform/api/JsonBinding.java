package dev.tandem.platform.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One Jsonb for every REST body. Without a resolver RESTEasy builds a Jsonb for each answer, and that
 * builder lookup (a ServiceLoader scan) showed up in the profile of the send API under load.
 */
@Provider
@Produces({MediaType.APPLICATION_JSON, "application/problem+json"})
public class JsonBinding implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
