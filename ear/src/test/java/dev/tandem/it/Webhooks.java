package dev.tandem.it;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Builds and posts signed Meta webhooks the way Meta does: ASCII bytes with \\uXXXX escapes, HMAC over them. */
final class Webhooks {

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI endpoint;
    private final String appSecret;

    Webhooks(URL base, String appId, String appSecret) {
        this.endpoint = URI.create(base.toString()).resolve("webhooks/whatsapp/" + appId);
        this.appSecret = appSecret;
    }

    /** Escapes every non-ASCII character as Meta does before signing. */
    static String escapeNonAscii(String json) {
        StringBuilder out = new StringBuilder(json.length());
        json.chars().forEach(c -> {
            if (c < 128) {
                out.append((char) c);
            } else {
                out.append(String.format("\\u%04x", c));
            }
        });
        return out.toString();
    }

    static String envelope(String wabaId, String field, String value) {
        return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"" + wabaId + "\",\"changes\":[{\"field\":\""
                + field + "\",\"value\":" + value + "}]}]}";
    }

    static String metadata(String phoneNumberId) {
        return "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550001111\",\"phone_number_id\":\""
                + phoneNumberId + "\"}";
    }

    int post(String json) {
        byte[] body = escapeNonAscii(json).getBytes(StandardCharsets.US_ASCII);
        return post(body, sign(body));
    }

    int post(byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> handshake(String verifyToken, String challenge) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(endpoint + "?hub.mode=subscribe&hub.verify_token="
                    + verifyToken + "&hub.challenge=" + challenge)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    String sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits up to {@code seconds} for an asynchronous outcome; fails the test with {@code what} otherwise. */
    static void await(String what, int seconds, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
