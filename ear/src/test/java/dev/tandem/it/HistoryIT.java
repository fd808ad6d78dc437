package dev.tandem.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Coexistence history: 10,000 messages in 20 out-of-order chunks import exactly; a declined sync says so. */
@ExtendWith(ArquillianExtension.class)
class HistoryIT {

    private static final int THREADS = 50;
    private static final int CHUNKS = 20;
    private static final int PER_CHUNK = 500;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TandemDeployment.ear();
    }

    @ArquillianResource
    URL base;

    @Test
    void tenThousandMessagesInTwentyShuffledChunksImportExactlyOnce() {
        SyncTenant tenant = new SyncTenant(base);
        String prefix = "wamid.h." + TandemDeployment.randomDigits(8) + ".";
        List<String> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            threads.add("4915" + TandemDeployment.randomDigits(9));
        }
        long start = Instant.now().minusSeconds(170L * 24 * 3600).getEpochSecond();

        // One message of the history already arrived live: it must not be stored twice.
        String liveWamid = prefix + 123;
        String liveThread = threads.get(123 % THREADS);
        assertEquals(200, tenant.webhooks.post(tenant.envelope("messages", "\"messages\":[{\"from\":\"" + liveThread
                + "\",\"id\":\"" + liveWamid + "\",\"timestamp\":\"" + Instant.now().getEpochSecond()
                + "\",\"type\":\"text\",\"text\":{\"body\":\"live\"}}]")));
        Webhooks.await("the live message", 30, () -> tenant.message(liveWamid).status() == 200);

        List<String> chunks = new ArrayList<>();
        for (int c = 0; c < CHUNKS; c++) {
            int phase = c < 4 ? 0 : c < 12 ? 1 : 2;
            List<String> threadJson = new ArrayList<>();
            for (String thread : threads) {
                List<String> messages = new ArrayList<>();
                for (int i = c * PER_CHUNK; i < (c + 1) * PER_CHUNK; i++) {
                    if (!threads.get(i % THREADS).equals(thread)) {
                        continue;
                    }
                    boolean fromCustomer = i % 3 != 0;
                    messages.add("{\"from\":\"" + (fromCustomer ? thread : "15550001111") + "\""
                            + (fromCustomer ? "" : ",\"to\":\"" + thread + "\"") + ",\"id\":\"" + prefix + i
                            + "\",\"timestamp\":\"" + (start + i * 60L) + "\",\"type\":\"text\",\"text\":{\"body\":\"Nachricht "
                            + i + " – ü\"},\"history_context\":{\"status\":\"" + (i % 2 == 0 ? "READ" : "delivered") + "\"}}");
                }
                threadJson.add("{\"id\":\"" + thread + "\",\"messages\":[" + String.join(",", messages) + "]}");
            }
            chunks.add(tenant.envelope("history", "\"history\":[{\"metadata\":{\"phase\":" + phase + ",\"chunk_order\":"
                    + (c + 1) + ",\"progress\":" + (c + 1) * 100 / CHUNKS + "},\"threads\":[" + String.join(",", threadJson)
                    + "]}]"));
        }
        List<String> deliveries = new ArrayList<>(chunks);
        Random random = new Random(7);
        for (int d = 0; d < 3; d++) {
            deliveries.add(chunks.get(random.nextInt(CHUNKS))); // Meta redelivers some chunks
        }
        Collections.shuffle(deliveries, random);
        for (String delivery : deliveries) {
            assertEquals(200, tenant.webhooks.post(delivery));
        }

        Webhooks.await("20 imported chunks", 180, () -> {
            JsonNode history = tenant.history();
            long chunksSeen = 0;
            for (JsonNode phase : history.get("phases")) {
                chunksSeen += phase.get("chunks").asLong();
            }
            return chunksSeen == CHUNKS && "COMPLETE".equals(history.get("state").asText());
        });
        JsonNode history = tenant.history();
        assertEquals(100, history.get("progress").asInt());
        long messages = 0;
        long imported = 0;
        List<Integer> phaseNumbers = new ArrayList<>();
        for (JsonNode phase : history.get("phases")) {
            phaseNumbers.add(phase.get("phase").asInt());
            messages += phase.get("messages").asLong();
            imported += phase.get("imported").asLong();
        }
        assertEquals(List.of(0, 1, 2), phaseNumbers);
        assertEquals(CHUNKS * PER_CHUNK, messages);
        assertEquals(CHUNKS * PER_CHUNK - 1, imported, "the message that arrived live is not imported again");

        long stored = 0;
        JsonNode conversations = tenant.admin.get("api/v1/conversations?tenantId=" + tenant.tenantId + "&size=200").json();
        assertEquals(THREADS, conversations.get("total").asInt());
        for (JsonNode conversation : conversations.get("items")) {
            stored += tenant.admin.get("api/v1/conversations/" + conversation.get("id").asText() + "/messages?size=1")
                    .json().get("total").asLong();
            boolean live = liveThread.equals(conversation.get("contact").get("waId").asText());
            assertEquals(live, conversation.get("serviceWindowOpen").asBoolean(),
                    "history never opens a service window; only the live message did");
        }
        assertEquals(CHUNKS * PER_CHUNK, stored, "every history message stored exactly once");

        JsonNode sample = tenant.message(prefix + 4).json();
        assertEquals("HISTORY", sample.get("origin").asText());
        assertEquals(Instant.ofEpochSecond(start + 4 * 60L).toString(), sample.get("timestamp").asText());
        assertEquals("Nachricht 4 – ü", sample.get("text").asText());
        assertEquals("INBOUND", sample.get("direction").asText());
        JsonNode fromBusiness = tenant.message(prefix + 3).json();
        assertEquals("OUTBOUND", fromBusiness.get("direction").asText());
        assertEquals("CUSTOMER", tenant.message(liveWamid).json().get("origin").asText(), "the live copy wins");
    }

    @Test
    void aDeclinedHistorySyncIsAnExplicitState() {
        SyncTenant tenant = new SyncTenant(base);
        assertEquals("NOT_STARTED", tenant.history().get("state").asText());
        assertEquals(200, tenant.webhooks.post(tenant.envelope("history", "\"history\":[{\"errors\":[{\"code\":2593109,"
                + "\"title\":\"History sync is turned off by the business from the WhatsApp Business App\","
                + "\"error_data\":{\"details\":\"History sharing is turned off by the business\"}}]}]")));
        Webhooks.await("declined", 30, () -> "DECLINED".equals(tenant.history().get("state").asText()));
        JsonNode history = tenant.history();
        assertEquals(2593109, history.get("declinedCode").asInt());
        assertEquals("History sharing is turned off by the business", history.get("declinedReason").asText());
        assertFalse(history.get("phases").elements().hasNext());
        assertTrue(tenant.admin.withKey(null).get("api/v1/tenants/" + tenant.tenantId + "/history").status() == 401);
    }
}
