package dev.tandem.faults;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

/**
 * What one tenant's load left in the database, read with plain JDBC after the server stopped (H2 file
 * database, with the driver version WildFly bundles) or while it runs (PostgreSQL): how often each
 * wamid is stored as a message, each (wamid, status) as a pending status, and each body in the archive.
 */
final class StoredRows {

    final Map<String, Integer> messages = new HashMap<>();
    final Map<String, Integer> pendingStatuses = new HashMap<>();
    final Map<String, Integer> archivedBodies = new HashMap<>();

    static StoredRows of(FaultServer server, WebhookLoad load) {
        try (Connection db = connect(server)) {
            StoredRows rows = new StoredRows();
            UUID tenant = UUID.fromString(load.tenantId);
            count(db, "select wamid, count(*) from message where tenant_id = ? group by wamid", tenant, rows.messages);
            count(db, "select wamid || ':' || status, count(*) from pending_status where tenant_id = ? group by wamid, status",
                    tenant, rows.pendingStatuses);
            try (PreparedStatement query = db.prepareStatement("select body_gzip from webhook_delivery where app_id = ?")) {
                query.setString(1, load.appId);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        rows.archivedBodies.merge(gunzip(rs.getBytes(1)), 1, Integer::sum);
                    }
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every acknowledged delivery stored exactly once; no event and no archived body ever twice. Returns the violations. */
    List<String> violations(WebhookLoad load) {
        List<String> problems = new ArrayList<>();
        for (WebhookLoad.Delivery d : load.deliveries()) {
            String body = new String(d.body(), StandardCharsets.US_ASCII);
            int stored = d.kind() == WebhookLoad.Kind.STATUS ? pendingStatuses.getOrDefault(d.wamid() + ":" + d.status(), 0)
                    : messages.getOrDefault(d.wamid(), 0);
            int archived = archivedBodies.getOrDefault(body, 0);
            if (load.acknowledged(d) && stored != 1) {
                problems.add("acknowledged " + d.kind() + " " + d.wamid() + " stored " + stored + " times");
            }
            if (load.acknowledged(d) && archived != 1) {
                problems.add("acknowledged delivery #" + d.index() + " archived " + archived + " times");
            }
            if (stored > 1 || archived > 1) {
                problems.add("unacknowledged (" + load.answer(d) + ") " + d.kind() + " " + d.wamid() + " stored " + stored
                        + " times, archived " + archived + " times");
            }
        }
        return problems;
    }

    /** Deliveries that got no 200 but whose event landed anyway (committed before the crash, answer lost). */
    long unacknowledgedButStored(WebhookLoad load) {
        return load.deliveries().stream().filter(d -> !load.acknowledged(d))
                .filter(d -> d.kind() == WebhookLoad.Kind.STATUS ? pendingStatuses.containsKey(d.wamid() + ":" + d.status())
                        : messages.containsKey(d.wamid()))
                .count();
    }

    /**
     * Writes an event row as a crash between the commit of its fact and its publish would leave it
     * (server stopped, for H2). Returns its id.
     */
    static UUID leaveUnpublishedEvent(FaultServer server, Instant createdAt) {
        UUID id = UUID.randomUUID();
        try (Connection db = connect(server, false);
             PreparedStatement insert = db.prepareStatement(
                     "insert into unpublished_event (id, type, tenant_id, body, created_at) values (?, ?, null, ?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, "faults.left-behind");
            insert.setString(3, "{\"id\":\"" + id + "\",\"type\":\"faults.left-behind\",\"tenantId\":null,\"occurredAt\":\"" + createdAt
                    + "\",\"data\":{}}");
            insert.setObject(4, createdAt.atOffset(ZoneOffset.UTC));
            insert.executeUpdate();
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether this event is still waiting in the table (server stopped, for H2). */
    static boolean isUnpublished(FaultServer server, UUID eventId) {
        try (Connection db = connect(server, true);
             PreparedStatement query = db.prepareStatement("select count(*) from unpublished_event where id = ?")) {
            query.setObject(1, eventId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(FaultServer server) throws SQLException {
        return connect(server, true);
    }

    private static Connection connect(FaultServer server, boolean readOnly) throws SQLException {
        if (FaultServer.onPostgresql()) {
            return DriverManager.getConnection(System.getProperty("tandem.faults.pg.url"),
                    System.getProperty("tandem.faults.pg.user"), System.getProperty("tandem.faults.pg.password"));
        }
        Path file = server.dataDir().resolve("tandem-db/tandem");
        return DriverManager.getConnection("jdbc:h2:file:" + file.toAbsolutePath() + (readOnly ? ";ACCESS_MODE_DATA=r" : ""),
                "sa", "sa");
    }

    private static void count(Connection db, String sql, UUID tenant, Map<String, Integer> into) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, tenant);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    into.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
    }

    private static String gunzip(byte[] gzip) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
