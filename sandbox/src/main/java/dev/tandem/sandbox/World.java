package dev.tandem.sandbox;

import dev.tandem.sandbox.media.MediaStore;
import dev.tandem.sandbox.templates.MessageTemplate;
import dev.tandem.sandbox.templates.Templates;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox's world, in memory: registered numbers, customers' service windows, customers who
 * stopped marketing, and the rate limiters Meta applies. Also the outcome of every
 * accepted send: status webhooks sent, delivered, read, or an asynchronous failure.
 */
@ApplicationScoped
public class World {

    static final Duration SERVICE_WINDOW = Duration.ofHours(24);
    /** Pair rate: a burst of 45, then one message per 6 s to the same customer. */
    static final int PAIR_BURST = 45;
    static final double PAIR_PER_SECOND = 1 / 6d;

    @Inject
    WebhookSender webhooks;

    @Inject
    Templates templates;

    @Inject
    MediaStore media;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Map<String, SandboxNumber> numbers = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> throughput = new ConcurrentHashMap<>();
    private final Map<String, TokenBucket> pairRate = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastCustomerMessage = new ConcurrentHashMap<>();
    private final Set<String> stoppedMarketing = ConcurrentHashMap.newKeySet();
    /** Meta puts at most this many updates in one POST. */
    static final int MAX_STATUSES_PER_POST = 1000;
    private final Map<String, List<JsonObject>> lingeringStatuses = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.atomic.AtomicLong> accepted = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstAccepted = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastAccepted = new ConcurrentHashMap<>();

    /** The demo world of 'mvn package wildfly:run' (-Dtandem.demo=true): Tandem's demo tenant, as Meta would know it. */
    void demo(@Observes @Initialized(jakarta.enterprise.context.ApplicationScoped.class) Object started) {
        if (Boolean.getBoolean("tandem.demo")) {
            register(new SandboxNumber("300000000000001", "200000000000001", "4915100000001", "100000000000001",
                    "demo-app-secret", "http://127.0.0.1:8080/webhooks/whatsapp/100000000000001", "demo-access-token",
                    20, true, null));
            templates.put("200000000000001", "order_update", "en_US", "UTILITY", MessageTemplate.positionalBody(1), "APPROVED");
        }
    }

    public SandboxNumber register(SandboxNumber number) {
        numbers.put(number.phoneNumberId(), number);
        throughput.put(number.phoneNumberId(), new TokenBucket(number.messagesPerSecond(), number.messagesPerSecond(),
                System.nanoTime()));
        return number;
    }

    /** The number, or Meta's error for an unknown object id. */
    public SandboxNumber number(String phoneNumberId) {
        SandboxNumber number = numbers.get(phoneNumberId);
        if (number == null) {
            throw GraphException.unknownObject(phoneNumberId, "post");
        }
        return number;
    }

    /** All registered numbers, by phone-number id. */
    public List<SandboxNumber> numbers() {
        return numbers.values().stream().sorted(Comparator.comparing(SandboxNumber::phoneNumberId)).toList();
    }

    /** The WABA's numbers, by phone-number id. */
    public List<SandboxNumber> numbersOf(String wabaId) {
        return numbers().stream().filter(n -> n.wabaId().equals(wabaId)).toList();
    }

    /**
     * A number of the WABA whose token is presented: WABA-level calls (templates, subscribed_apps) may
     * use the token of any of its numbers. Unknown WABA: 100/33; wrong token: 190.
     */
    public SandboxNumber authorizeWaba(String wabaId, String authorization) {
        List<SandboxNumber> ofWaba = numbersOf(wabaId);
        if (ofWaba.isEmpty()) {
            throw GraphException.unknownObject(wabaId, "post");
        }
        String presented = bearer(authorization);
        return ofWaba.stream().filter(n -> sameToken(presented, n)).findFirst().orElseThrow(GraphException::invalidToken);
    }

    public boolean tokenOfWaba(String wabaId, String authorization) {
        String presented = bearer(authorization);
        return numbersOf(wabaId).stream().anyMatch(n -> sameToken(presented, n));
    }

    /** Refuses a token no registered number has (190), before looking an object up. */
    public void authorizeAny(String authorization) {
        String presented = bearer(authorization);
        if (numbers.values().stream().noneMatch(n -> sameToken(presented, n))) {
            throw GraphException.invalidToken();
        }
    }

    private static String bearer(String authorization) {
        return authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7).strip() : "";
    }

    private static boolean sameToken(String presented, SandboxNumber number) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), number.accessToken().getBytes(StandardCharsets.UTF_8));
    }

    /** The number if the bearer token may use it; Meta answers 190 to a wrong or missing token. */
    public SandboxNumber authorize(String phoneNumberId, String authorization) {
        SandboxNumber number = number(phoneNumberId);
        if (!sameToken(bearer(authorization), number)) {
            throw GraphException.invalidToken();
        }
        return number;
    }

    /**
     * A media send by id must name media this WABA uploaded and that still exists (30 days). Meta
     * refuses other ids synchronously with 100 ("... is not a valid whatsapp business account media
     * attachment ID"); 131053 is for media it cannot fetch or use (bad link, size, type), so not this.
     */
    public void checkMedia(SandboxNumber number, OutboundRequest request) {
        if (request.mediaId() != null && media.get(request.mediaId(), Instant.now())
                .filter(m -> m.wabaId().equals(number.wabaId())).isEmpty()) {
            throw GraphException.invalidParameter("Param " + request.type() + "['id'] is not a valid whatsapp business account"
                    + " media attachment ID: " + request.mediaId());
        }
    }

    /** Meta's rate limits for one send: the number's throughput (130429), then the pair rate (131056). */
    public void admit(SandboxNumber number, String recipient) {
        long now = System.nanoTime();
        if (!throughput.get(number.phoneNumberId()).tryTake(now)) {
            throw new GraphException(400, 130429, "Rate limit hit", "Cloud API message throughput has been reached.");
        }
        TokenBucket pair = pairRate.computeIfAbsent(number.phoneNumberId() + "|" + recipient,
                k -> new TokenBucket(PAIR_BURST, PAIR_PER_SECOND, now));
        if (!pair.tryTake(now)) {
            throw new GraphException(400, 131056, "(Business Account, Consumer Account) pair rate limit hit",
                    "Message failed to send because there were too many messages sent from this phone number to the same "
                            + "phone number in a short period of time.");
        }
        accepted.computeIfAbsent(number.phoneNumberId(), k -> new java.util.concurrent.atomic.AtomicLong()).incrementAndGet();
        Instant at = Instant.now();
        firstAccepted.putIfAbsent(number.phoneNumberId(), at);
        lastAccepted.merge(number.phoneNumberId(), at, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** When Meta accepted the first and the last send of this number (null before any), to measure send rates. */
    public Instant[] acceptanceSpan(SandboxNumber number) {
        return new Instant[] {firstAccepted.get(number.phoneNumberId()), lastAccepted.get(number.phoneNumberId())};
    }

    /** How many sends from this number Meta has accepted so far. */
    public long acceptedSends(SandboxNumber number) {
        var count = accepted.get(number.phoneNumberId());
        return count == null ? 0 : count.get();
    }

    public void customerWrote(SandboxNumber number, String customer, Instant at) {
        lastCustomerMessage.merge(number.phoneNumberId() + "|" + customer, at, (a, b) -> a.isAfter(b) ? a : b);
    }

    public boolean windowOpen(SandboxNumber number, String customer, Instant now) {
        Instant last = lastCustomerMessage.get(number.phoneNumberId() + "|" + customer);
        return last != null && now.isBefore(last.plus(SERVICE_WINDOW));
    }

    public void marketingPreference(SandboxNumber number, String customer, boolean stopped) {
        if (stopped) {
            stoppedMarketing.add(number.phoneNumberId() + "|" + customer);
        } else {
            stoppedMarketing.remove(number.phoneNumberId() + "|" + customer);
        }
    }

    /**
     * What happens after Meta accepted a send: sent (with pricing), delivered, read; or a failed
     * status for free-form outside the window (131047) or marketing to a customer who stopped it (131050).
     */
    public void deliverOutcome(SandboxNumber number, OutboundRequest request, String wamid, MessageTemplate template) {
        Instant now = Instant.now();
        boolean window = windowOpen(number, request.to(), now);
        if (!request.template() && !window) {
            status(number, wamid, request.to(), "failed", 50, null, error(131047, "Re-engagement message",
                    "Message failed to send because more than 24 hours have passed since the customer last replied to this number."));
            return;
        }
        if (template != null && "MARKETING".equals(template.category())
                && stoppedMarketing.contains(number.phoneNumberId() + "|" + request.to())) {
            status(number, wamid, request.to(), "failed", 50, null, error(131050,
                    "Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business.",
                    "The user has stopped marketing messages."));
            return;
        }
        status(number, wamid, request.to(), "sent", 50, pricing(template, window), null);
        status(number, wamid, request.to(), "delivered", 200, null, null);
        status(number, wamid, request.to(), "read", 600, null, null);
    }

    /** Meta's per-message pricing object (PMP): templates are charged unless utility inside the window. */
    static JsonObject pricing(MessageTemplate template, boolean window) {
        String category = template == null ? "service" : template.category().toLowerCase(java.util.Locale.ROOT);
        boolean free = template == null || ("utility".equals(category) && window);
        return MetaJson.object()
                .add("billable", !free)
                .add("pricing_model", "PMP")
                .add("type", free ? "free_customer_service" : "regular")
                .add("category", category)
                .build();
    }

    private void status(SandboxNumber number, String wamid, String recipient, String status, long afterMillis,
                        JsonObject pricing, JsonObject error) {
        scheduler.schedule(() -> {
            JsonObjectBuilder item = MetaJson.object()
                    .add("id", wamid)
                    .add("status", status)
                    .add("timestamp", String.valueOf(Instant.now().getEpochSecond()))
                    .add("recipient_id", recipient);
            if (pricing != null) {
                item.add("pricing", pricing);
            }
            if (error != null) {
                item.add("errors", MetaJson.array(error));
            }
            emitStatus(number, item.build());
        }, afterMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Meta aggregates status updates under load (up to 1,000 per POST). With a linger set, a number's
     * statuses wait that long and leave together in one webhook; without, each leaves on its own.
     */
    private void emitStatus(SandboxNumber number, JsonObject item) {
        long linger = webhooks.options().statusLingerMillis();
        if (linger == 0) {
            sendStatuses(number, List.of(item));
            return;
        }
        boolean[] first = {false};
        lingeringStatuses.compute(number.phoneNumberId(), (id, waiting) -> {
            List<JsonObject> items = waiting == null ? new ArrayList<>() : waiting;
            first[0] = items.isEmpty();
            items.add(item);
            return items;
        });
        if (first[0]) {
            scheduler.schedule(() -> {
                List<JsonObject> items = lingeringStatuses.remove(number.phoneNumberId());
                for (int i = 0; items != null && i < items.size(); i += MAX_STATUSES_PER_POST) {
                    sendStatuses(number, items.subList(i, Math.min(items.size(), i + MAX_STATUSES_PER_POST)));
                }
            }, linger, TimeUnit.MILLISECONDS);
        }
    }

    private void sendStatuses(SandboxNumber number, List<JsonObject> items) {
        JsonArrayBuilder statuses = MetaJson.arrayBuilder();
        items.forEach(statuses::add);
        webhooks.send(number, MetaJson.change("messages", MetaJson.numberValue(number).add("statuses", statuses).build()));
    }

    static JsonObject error(int code, String title, String details) {
        return MetaJson.object()
                .add("code", code)
                .add("title", title)
                .add("message", title)
                .add("error_data", MetaJson.object().add("details", details))
                .add("href", "/documentation/business-messaging/whatsapp/support/error-codes")
                .build();
    }
}
