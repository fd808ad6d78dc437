package dev.tandem.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.flywaydb.core.Flyway;

/**
 * The database's limit: the rows Tandem writes for the same work, inserted by a bare JDBC batch loop
 * into a fresh database of the same engine with Tandem's own schema (its Flyway migrations). H2: an
 * embedded file database (H2 2.2.224, the version WildFly 39 bundles) in the work directory.
 * PostgreSQL: the given server, in a scratch schema dropped and created for the run. No reads, no
 * updates, no ORM, no JMS: only the inserts, committed every --baseline-batch deliveries.
 */
final class JdbcBaseline implements AutoCloseable {

    private final Connection connection;
    private final String engine;
    private final UUID tenantId = UUID.randomUUID();

    private JdbcBaseline(Connection connection, String engine) {
        this.connection = connection;
        this.engine = engine;
    }

    /** A fresh database with Tandem's schema and one tenant. */
    static JdbcBaseline open(Options options, Path work) throws SQLException, IOException {
        String database = options.get("database", "H2");
        String url;
        String user;
        String password;
        String schema = null;
        if (database.equalsIgnoreCase("postgresql")) {
            url = options.get("baseline-db-url", "jdbc:postgresql://127.0.0.1:5432/tandem_bench?reWriteBatchedInserts=true");
            user = options.get("baseline-db-user", "tandem_test");
            password = options.get("baseline-db-password", "tandem_test");
            schema = "bench_baseline";
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } else {
            Path folder = work.resolve("baseline-h2");
            deleteTree(folder);
            Files.createDirectories(folder);
            url = "jdbc:h2:file:" + folder.toAbsolutePath().resolve("tandem") + ";DB_CLOSE_ON_EXIT=FALSE";
            user = "sa";
            password = "sa";
        }
        var flyway = Flyway.configure(JdbcBaseline.class.getClassLoader()).dataSource(url, user, password)
                .locations("classpath:db/migration");
        if (schema != null) {
            flyway.schemas(schema).defaultSchema(schema);
        }
        flyway.load().migrate();
        Connection connection = DriverManager.getConnection(url, user, password);
        if (schema != null) {
            connection.setSchema(schema);
        }
        connection.setAutoCommit(false);
        JdbcBaseline baseline = new JdbcBaseline(connection, database);
        baseline.tenant();
        return baseline;
    }

    private void tenant() throws SQLException {
        UUID app = UUID.randomUUID();
        OffsetDateTime now = now();
        try (PreparedStatement a = connection.prepareStatement("INSERT INTO meta_app (id, app_id, name, app_secret_sealed,"
                + " verify_token_sealed, created_at, updated_at, version) VALUES (?, ?, 'bench', 'x', 'x', ?, ?, 0)");
             PreparedStatement t = connection.prepareStatement("INSERT INTO tenant (id, meta_app_id, name, waba_id,"
                     + " phone_number_id, display_number, coexistence, throughput_tier, graph_api_version, time_zone, currency,"
                     + " active, created_at, updated_at, version) VALUES (?, ?, 'bench', '1', '2', '3', TRUE, 'STANDARD',"
                     + " 'v23.0', 'Europe/Berlin', 'EUR', TRUE, ?, ?, 0)")) {
            a.setObject(1, app);
            a.setString(2, "1");
            a.setObject(3, now);
            a.setObject(4, now);
            a.executeUpdate();
            t.setObject(1, tenantId);
            t.setObject(2, app);
            t.setObject(3, now);
            t.setObject(4, now);
            t.executeUpdate();
        }
        connection.commit();
    }

    /** What one delivery of the ingest mix makes Tandem insert: archive row, and per fact its rows. */
    private record DeliveryRows(byte[] gzip, int size, EventMix.Kind kind, boolean duplicate, String wamid, String customer,
                                String status, String item, String text) {
    }

    /**
     * The ingest's rows for {@code deliveries} deliveries of the same mix: per delivery the archived
     * body (gzip); per inbound message or echo a contact and conversation (first time per customer)
     * and the message; per status of a stored message a status row, else a pending status.
     */
    Map<String, Object> ingest(int deliveries, int batch) throws SQLException, IOException {
        List<DeliveryRows> work = new ArrayList<>(deliveries);
        for (EventMix.Delivery d : new EventMix("1", "2", "3", System.nanoTime()).deliveries(deliveries).subList(0, deliveries)) {
            JsonNode value = TandemApi.JSON.readTree(d.body()).path("entry").path(0).path("changes").path(0).path("value");
            JsonNode item = switch (d.kind()) {
                case INBOUND -> value.path("messages").path(0);
                case ECHO -> value.path("message_echoes").path(0);
                case STATUS -> value.path("statuses").path(0);
            };
            String customer = item.path(d.kind() == EventMix.Kind.INBOUND ? "from" : d.kind() == EventMix.Kind.ECHO ? "to"
                    : "recipient_id").asText();
            byte[] body = d.body().getBytes(StandardCharsets.UTF_8);
            work.add(new DeliveryRows(gzip(body), body.length, d.kind(), d.duplicate(), item.path("id").asText(), customer,
                    item.path("status").asText(null), item.toString(), item.path("text").path("body").asText(null)));
        }
        Map<String, UUID> conversations = new HashMap<>();
        Map<String, UUID> messages = new HashMap<>();
        Set<String> pending = new HashSet<>();
        long rows = 0;
        long facts = 0;
        long start = System.nanoTime();
        try (Inserts inserts = new Inserts(connection)) {
            for (int i = 0; i < work.size(); i++) {
                DeliveryRows d = work.get(i);
                inserts.delivery(d.gzip(), d.size());
                rows++;
                if (!d.duplicate()) {
                    facts++;
                    switch (d.kind()) {
                        case INBOUND, ECHO -> {
                            UUID conversation = conversations.get(d.customer());
                            if (conversation == null) {
                                conversation = inserts.contactAndConversation(tenantId, d.customer());
                                conversations.put(d.customer(), conversation);
                                rows += 2;
                            }
                            boolean inbound = d.kind() == EventMix.Kind.INBOUND;
                            messages.put(d.wamid(), inserts.message(tenantId, conversation, d.wamid(), inbound ? "INBOUND" : "OUTBOUND",
                                    inbound ? "CUSTOMER" : "BUSINESS_APP", d.text(), d.item(), inbound ? "RECEIVED" : "SENT",
                                    now()));
                            rows++;
                        }
                        case STATUS -> {
                            UUID message = messages.get(d.wamid());
                            if (message != null) {
                                inserts.status(message, d.status().toUpperCase(java.util.Locale.ROOT));
                                rows++;
                            } else if (pending.add(d.wamid() + d.status())) {
                                inserts.pending(tenantId, d.wamid(), d.status().toUpperCase(java.util.Locale.ROOT), d.item());
                                rows++;
                            }
                        }
                    }
                }
                if ((i + 1) % batch == 0 || i == work.size() - 1) {
                    inserts.flush();
                    connection.commit();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("deliveries", work.size());
        result.put("facts", facts);
        result.put("rows", rows);
        result.put("commitEveryDeliveries", batch);
        result.put("seconds", IngestBench.round(seconds));
        result.put("deliveriesPerSecond", IngestBench.round(work.size() / seconds));
        result.put("rowsPerSecond", IngestBench.round(rows / seconds));
        return result;
    }

    /**
     * The history import's rows for {@code messages} messages: per chunk the gzip of its body, per
     * customer a contact and conversation, per message the message row; one commit per chunk, as
     * Tandem imports a chunk in one transaction.
     */
    Map<String, Object> history(int messages, int customers, int chunkSize) throws SQLException {
        TandemApi.Tenant tenant = new TandemApi.Tenant("t", "1", "s", "2", "3", "4915100000001");
        HistoryChunks history = new HistoryChunks(tenant, messages, customers, chunkSize, Instant.now().getEpochSecond(),
                Long.toString(System.nanoTime(), 36));
        Map<String, UUID> conversations = new HashMap<>();
        long rows = 0;
        long start = System.nanoTime();
        List<int[]> ranges = history.ranges();
        try (Inserts inserts = new Inserts(connection)) {
            for (int k = 0; k < ranges.size(); k++) {
                int[] r = ranges.get(k);
                byte[] body = history.body(r[0], r[1], HistoryChunks.progress(k, ranges.size()), r[2], r[3])
                        .getBytes(StandardCharsets.UTF_8);
                inserts.chunk(tenantId, r[0], r[1], r[3] - r[2], gzip(body));
                rows++;
                StringBuilder payload = new StringBuilder(300);
                for (int i = r[3] - 1; i >= r[2]; i--) {
                    String customer = history.customer(i);
                    UUID conversation = conversations.get(customer);
                    if (conversation == null) {
                        conversation = inserts.contactAndConversation(tenantId, customer);
                        conversations.put(customer, conversation);
                        rows += 2;
                    }
                    payload.setLength(0);
                    history.appendMessage(payload, i);
                    boolean business = HistoryChunks.fromBusiness(i);
                    inserts.message(tenantId, conversation, history.wamid(i), business ? "OUTBOUND" : "INBOUND", "HISTORY",
                            HistoryChunks.text(i), payload.toString(), business ? "DELIVERED" : "RECEIVED",
                            Instant.ofEpochSecond(history.timestamp(i)).atOffset(ZoneOffset.UTC));
                    rows++;
                    if (inserts.pending() >= 1000) {
                        inserts.flush();
                    }
                }
                inserts.flush();
                connection.commit();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("messages", messages);
        result.put("chunks", ranges.size());
        result.put("rows", rows);
        result.put("seconds", IngestBench.round(seconds));
        result.put("messagesPerSecond", IngestBench.round(messages / seconds));
        result.put("rowsPerSecond", IngestBench.round(rows / seconds));
        return result;
    }

    String engine() {
        return engine;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Prepared batch inserts for Tandem's tables, executed parents first so foreign keys hold. */
    private static final class Inserts implements AutoCloseable {

        private final PreparedStatement delivery;
        private final PreparedStatement contact;
        private final PreparedStatement conversation;
        private final PreparedStatement message;
        private final PreparedStatement status;
        private final PreparedStatement pendingStatus;
        private final PreparedStatement chunk;
        private int pending;

        Inserts(Connection c) throws SQLException {
            delivery = c.prepareStatement("INSERT INTO webhook_delivery (id, app_id, received_at, size_bytes, body_gzip)"
                    + " VALUES (?, '1', ?, ?, ?)");
            contact = c.prepareStatement("INSERT INTO contact (id, tenant_id, wa_id, in_address_book, created_at, updated_at,"
                    + " version) VALUES (?, ?, ?, FALSE, ?, ?, 0)");
            conversation = c.prepareStatement("INSERT INTO conversation (id, tenant_id, contact_id, last_message_at,"
                    + " created_at, version) VALUES (?, ?, ?, ?, ?, 0)");
            message = c.prepareStatement("INSERT INTO message (id, tenant_id, conversation_id, wamid, direction, origin, type,"
                    + " text, payload, status, sent_at, stored_at, edited, revoked, version)"
                    + " VALUES (?, ?, ?, ?, ?, ?, 'text', ?, ?, ?, ?, ?, FALSE, FALSE, 0)");
            status = c.prepareStatement("INSERT INTO message_status (id, message_id, status, occurred_at, recorded_at)"
                    + " VALUES (?, ?, ?, ?, ?)");
            pendingStatus = c.prepareStatement("INSERT INTO pending_status (id, tenant_id, wamid, status, payload, received_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?)");
            chunk = c.prepareStatement("INSERT INTO history_chunk (id, tenant_id, phase, chunk_order, progress, message_count,"
                    + " imported, payload_gzip, received_at, imported_at) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?)");
        }

        int pending() {
            return pending;
        }

        void delivery(byte[] gzip, int size) throws SQLException {
            delivery.setObject(1, UUID.randomUUID());
            delivery.setObject(2, now());
            delivery.setInt(3, size);
            delivery.setBytes(4, gzip);
            delivery.addBatch();
            pending++;
        }

        UUID contactAndConversation(UUID tenantId, String waId) throws SQLException {
            UUID contactId = UUID.randomUUID();
            UUID conversationId = UUID.randomUUID();
            OffsetDateTime now = now();
            contact.setObject(1, contactId);
            contact.setObject(2, tenantId);
            contact.setString(3, waId);
            contact.setObject(4, now);
            contact.setObject(5, now);
            contact.addBatch();
            conversation.setObject(1, conversationId);
            conversation.setObject(2, tenantId);
            conversation.setObject(3, contactId);
            conversation.setObject(4, now);
            conversation.setObject(5, now);
            conversation.addBatch();
            pending += 2;
            return conversationId;
        }

        UUID message(UUID tenantId, UUID conversationId, String wamid, String direction, String origin, String text,
                     String payload, String state, OffsetDateTime sentAt) throws SQLException {
            UUID id = UUID.randomUUID();
            message.setObject(1, id);
            message.setObject(2, tenantId);
            message.setObject(3, conversationId);
            message.setString(4, wamid);
            message.setString(5, direction);
            message.setString(6, origin);
            message.setString(7, text);
            message.setString(8, payload);
            message.setString(9, state);
            message.setObject(10, sentAt);
            message.setObject(11, now());
            message.addBatch();
            pending++;
            return id;
        }

        void status(UUID messageId, String state) throws SQLException {
            OffsetDateTime now = now();
            status.setObject(1, UUID.randomUUID());
            status.setObject(2, messageId);
            status.setString(3, state);
            status.setObject(4, now);
            status.setObject(5, now);
            status.addBatch();
            pending++;
        }

        void pending(UUID tenantId, String wamid, String state, String payload) throws SQLException {
            pendingStatus.setObject(1, UUID.randomUUID());
            pendingStatus.setObject(2, tenantId);
            pendingStatus.setString(3, wamid);
            pendingStatus.setString(4, state);
            pendingStatus.setString(5, payload);
            pendingStatus.setObject(6, now());
            pendingStatus.addBatch();
            pending++;
        }

        void chunk(UUID tenantId, int phase, int order, int messages, byte[] gzip) throws SQLException {
            OffsetDateTime now = now();
            chunk.setObject(1, UUID.randomUUID());
            chunk.setObject(2, tenantId);
            chunk.setInt(3, phase);
            chunk.setInt(4, order);
            chunk.setInt(5, messages);
            chunk.setInt(6, messages);
            chunk.setBytes(7, gzip);
            chunk.setObject(8, now);
            chunk.setObject(9, now);
            chunk.addBatch();
            pending++;
        }

        /** Parents first: the archive and chunks, contacts, conversations, messages, then statuses. */
        void flush() throws SQLException {
            for (PreparedStatement s : List.of(delivery, chunk, contact, conversation, message, status, pendingStatus)) {
                s.executeBatch();
            }
            pending = 0;
        }

        @Override
        public void close() throws SQLException {
            for (PreparedStatement s : List.of(delivery, chunk, contact, conversation, message, status, pendingStatus)) {
                s.close();
            }
        }
    }
}
