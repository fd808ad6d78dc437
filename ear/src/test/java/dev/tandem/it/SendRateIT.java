package dev.tandem.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The governor under an open load: 1,000 template sends to 1,000 recipients offered at 50 per second
 * to a coexistence number (20 mps at Meta). All must be accepted, none may fail with 130429, and Meta
 * (the sandbox) must see them arrive at 20 per second, within 10 %.
 */
@ExtendWith(ArquillianExtension.class)
class SendRateIT {

    private static final String ACCESS_TOKEN = "EAAG-it-access-token-secret";
    private static final int SENDS = 1000;
    private static final int OFFERED_PER_SECOND = 50;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TandemDeployment.ear();
    }

    @ArquillianResource
    URL base;

    @Test
    void aThousandSendsOfferedAtFiftyPerSecondLeaveAtTwentyPerSecondAndAllComplete() throws Exception {
        SyncTenant tenant = new SyncTenant(base);
        ApiClient agent = tenant.admin.withKey(tenant.admin.issueKey(tenant.tenantId, "AGENT"));
        SandboxClient sandbox = new SandboxClient(base);
        sandbox.registerNumber(tenant, tenant.phoneNumberId, ACCESS_TOKEN, true, 20, sandbox.webhookUrl(tenant), null);
        assertEquals(201, sandbox.exchange("POST", "world/numbers/" + tenant.phoneNumberId + "/templates", null,
                Map.of("name", "it_rate", "language", "en", "category", "UTILITY", "bodyParameters", 1)).statusCode());
        // Under load Meta aggregates status updates into one POST (spec 1.4); the sandbox does the same here.
        setStatusLinger(sandbox, 1000);
        try {
            List<String> ids = offer(agent);
            assertEquals(SENDS, ids.size(), "every send was taken (202)");
            Webhooks.await("Meta's acceptance of all sends", 240,
                    () -> number(sandbox, tenant).get("accepted_sends").asInt() >= SENDS);

            Map<String, Integer> outcomes = new TreeMap<>();
            for (String id : ids) {
                JsonNode send = agent.get("api/v1/outbound-messages/" + id).json();
                outcomes.merge(send.get("state").asText(), 1, Integer::sum);
                assertTrue(send.path("errorCode").isNull() || send.path("errorCode").isMissingNode(),
                        "no send carries an error code: " + send);
            }
            assertEquals(Map.of("ACCEPTED", SENDS), outcomes);

            JsonNode number = number(sandbox, tenant);
            assertEquals(SENDS, number.get("accepted_sends").asInt(), "each send reached Meta once");
            Duration span = Duration.between(Instant.parse(number.get("first_accepted_at").asText()),
                    Instant.parse(number.get("last_accepted_at").asText()));
            double rate = (SENDS - 1) / (span.toMillis() / 1000.0);
            System.out.printf("SendRateIT: %d sends accepted by Meta at %.2f/s over %d ms%n", SENDS, rate, span.toMillis());
            assertTrue(rate >= 18 && rate <= 22, "send rate at Meta " + rate + "/s, expected 20/s +/- 10 %");
        } finally {
            setStatusLinger(sandbox, 0);
        }
    }

    /** An open model: send i leaves at i/50 s whatever the answers before it, so slow answers cannot slow the offer. */
    private static List<String> offer(ApiClient agent) throws InterruptedException {
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(16);
        ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        String run = TandemDeployment.randomDigits(6);
        try {
            for (int i = 0; i < SENDS; i++) {
                String recipient = "+4916" + run + String.format("%04d", i);
                clock.schedule(() -> {
                    ApiClient.Reply reply = agent.post("api/v1/messages", Map.of("to", recipient, "type", "template",
                            "template", Map.of("name", "it_rate", "language", Map.of("code", "en"), "components",
                                    List.of(Map.of("type", "body", "parameters", List.of(Map.of("type", "text",
                                            "text", recipient)))))));
                    if (reply.status() == 202) {
                        ids.add(reply.json().get("id").asText());
                    } else {
                        refusals.add(reply.status() + " " + reply.raw().body());
                    }
                }, i * 1000L / OFFERED_PER_SECOND, TimeUnit.MILLISECONDS);
            }
        } finally {
            clock.shutdown();
        }
        assertTrue(clock.awaitTermination(120, TimeUnit.SECONDS), "the offer finished");
        assertEquals(List.of(), new ArrayList<>(refusals));
        return new ArrayList<>(ids);
    }

    private static JsonNode number(SandboxClient sandbox, SyncTenant tenant) {
        HttpResponse<String> answer = sandbox.exchange("GET", "world/numbers/" + tenant.phoneNumberId, null, null);
        try {
            return ApiClient.JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new AssertionError(answer.body(), e);
        }
    }

    private static void setStatusLinger(SandboxClient sandbox, long millis) {
        assertEquals(204, sandbox.exchange("PUT", "world/delivery", null, Map.of("duplicateRate", 0, "maxReorderMillis", 0,
                "maxBatch", 1, "maxAttempts", 12, "statusLingerMillis", millis)).statusCode());
    }
}
