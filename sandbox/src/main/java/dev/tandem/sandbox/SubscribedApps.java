package dev.tandem.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Which app is subscribed to a WABA's webhooks, and where they go (spec 1.5). A number registered in
 * the world starts subscribed with its own webhook URL, so the world works without this call; an
 * override_callback_uri (verified by Meta's GET handshake first) then takes its place for every
 * webhook of that WABA; unsubscribing stops the WABA's webhooks until the app subscribes again.
 */
@ApplicationScoped
public class SubscribedApps {

    /** An override for a WABA; null fields mean the app's own webhook URL. */
    public record Subscription(String appId, String overrideCallbackUri) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Subscription> overrides = new ConcurrentHashMap<>();
    private final Map<String, Boolean> unsubscribed = new ConcurrentHashMap<>();

    /** Subscribes the number's app to its WABA, with an override callback if given (verified first). */
    public void subscribe(SandboxNumber number, String overrideCallbackUri, String verifyToken) {
        if (overrideCallbackUri != null) {
            if (verifyToken == null || verifyToken.isBlank()) {
                throw GraphException.invalidParameter("verify_token is required with override_callback_uri");
            }
            verify(overrideCallbackUri, verifyToken);
            overrides.put(number.wabaId(), new Subscription(number.appId(), overrideCallbackUri));
        } else {
            overrides.remove(number.wabaId());
        }
        unsubscribed.remove(number.wabaId());
    }

    public void unsubscribe(SandboxNumber number) {
        overrides.remove(number.wabaId());
        unsubscribed.put(number.wabaId(), true);
    }

    /** The subscription of the WABA, empty when its app unsubscribed. */
    public Optional<Subscription> of(SandboxNumber number) {
        if (unsubscribed.containsKey(number.wabaId())) {
            return Optional.empty();
        }
        return Optional.of(overrides.getOrDefault(number.wabaId(), new Subscription(number.appId(), null)));
    }

    /** Where this number's webhooks go now: the override, else the app's URL; empty when unsubscribed. */
    public Optional<String> callback(SandboxNumber number) {
        return of(number).map(s -> s.overrideCallbackUri() != null ? s.overrideCallbackUri() : number.webhookUrl());
    }

    /**
     * Meta's verification handshake: GET ?hub.mode=subscribe&hub.challenge=..&hub.verify_token=..; the
     * callback must answer 200 with the challenge. Otherwise Meta refuses the override with 2200
     * ("Callback verification failed").
     */
    void verify(String callback, String verifyToken) {
        String challenge = String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
        URI uri;
        try {
            uri = URI.create(callback + (callback.contains("?") ? "&" : "?") + "hub.mode=subscribe&hub.challenge=" + challenge
                    + "&hub.verify_token=" + URLEncoder.encode(verifyToken, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw GraphException.invalidParameter("override_callback_uri is not a valid URL: " + callback);
        }
        String problem;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && challenge.equals(response.body().strip())) {
                return;
            }
            problem = "HTTP Status Code = " + response.statusCode() + "; the response did not echo hub.challenge";
        } catch (java.io.IOException e) {
            problem = "the callback could not be reached: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted";
        }
        throw new GraphException(400, 2200, null, "OAuthException", "Callback verification failed",
                "Callback verification failed with the following errors: " + problem);
    }
}
