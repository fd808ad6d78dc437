package dev.tandem.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SubscribedAppsTest {

    private static final SandboxNumber NUMBER = new SandboxNumber("1", "waba", "15550001111", "app", "secret",
            "http://127.0.0.1:1/own", "token", 80, false, null);

    private HttpServer receiver;
    private String callback;

    /** A webhook receiver that answers Meta's handshake only for the verify token "right". */
    @BeforeEach
    void receiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            Map<String, String> query = new HashMap<>();
            for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            boolean ok = "subscribe".equals(query.get("hub.mode")) && "right".equals(query.get("hub.verify_token"));
            byte[] body = (ok ? query.get("hub.challenge") : "no").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(ok ? 200 : 403, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        receiver.start();
        callback = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void aVerifiedOverrideReceivesTheWabasWebhooks() {
        SubscribedApps apps = new SubscribedApps();
        assertEquals(Optional.of("http://127.0.0.1:1/own"), apps.callback(NUMBER), "registered numbers start subscribed");
        apps.subscribe(NUMBER, callback, "right");
        assertEquals(Optional.of(callback), apps.callback(NUMBER));
        apps.subscribe(NUMBER, null, null);
        assertEquals(Optional.of("http://127.0.0.1:1/own"), apps.callback(NUMBER), "an empty subscribe drops the override");
    }

    @Test
    void aFailedHandshakeKeepsTheOldCallback() {
        SubscribedApps apps = new SubscribedApps();
        GraphException wrong = assertThrows(GraphException.class, () -> apps.subscribe(NUMBER, callback, "wrong"));
        assertEquals(2200, wrong.code());
        assertTrue(wrong.details().contains("403"), wrong.details());
        assertEquals(2200, assertThrows(GraphException.class,
                () -> apps.subscribe(NUMBER, "http://127.0.0.1:1/closed", "right")).code(), "an unreachable callback");
        assertEquals(100, assertThrows(GraphException.class, () -> apps.subscribe(NUMBER, callback, null)).code());
        assertEquals(Optional.of("http://127.0.0.1:1/own"), apps.callback(NUMBER));
    }

    @Test
    void anUnsubscribedWabaGetsNothingUntilItSubscribesAgain() {
        SubscribedApps apps = new SubscribedApps();
        apps.unsubscribe(NUMBER);
        assertTrue(apps.callback(NUMBER).isEmpty());
        assertTrue(apps.of(NUMBER).isEmpty());
        apps.subscribe(NUMBER, null, null);
        assertEquals("app", apps.of(NUMBER).orElseThrow().appId());
    }
}
