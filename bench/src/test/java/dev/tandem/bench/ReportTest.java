package dev.tandem.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @TempDir
    Path folder;

    private static Map<String, Object> run() {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "all");
        result.put("at", "2026-11-24T10:15:30.123456Z");
        result.put("database", "PostgreSQL");
        result.put("ingest", Map.of("sustainedPerSecond", 500.0,
                "ackLatencyMillis", Map.of("p50", 4.0, "p99", 20.0, "p99.9", 35.5),
                "endToEndLatencyMillis", Map.of("p50", 30.0, "p99", 120.0)));
        result.put("history", Map.of("messagesPerSecond", 5_000.0));
        result.put("baseline", Map.of("jms", Map.of("deliveriesPerSecond", 2_000.0),
                "jdbcIngest", Map.of("deliveriesPerSecond", 4_000.0),
                "jdbcHistory", Map.of("messagesPerSecond", 20_000.0)));
        return result;
    }

    @Test
    void ratiosDivideTandemByTheBareLimit() {
        Map<String, Object> result = run();
        Report.addRatios(result);
        @SuppressWarnings("unchecked")
        Map<String, Object> ratios = (Map<String, Object>) result.get("ratios");
        assertEquals(0.25, ratios.get("ingest deliveries/s vs bare JMS producer"));
        assertEquals(0.125, ratios.get("ingest deliveries/s vs bare JDBC inserts"));
        assertEquals(0.25, ratios.get("history messages/s vs bare JDBC inserts"));
    }

    @Test
    void theMarkdownLeadsWithTandemAgainstTheLimitsThenEveryMetric() {
        String md = Report.markdown(run());
        assertTrue(md.contains("| measure | Tandem | bare limit | Tandem / limit |"), md);
        assertTrue(md.contains("| ingest deliveries/s vs bare JMS producer | 500 | 2,000 | 0.250 |"), md);
        assertTrue(md.contains("| history messages/s vs bare JDBC inserts | 5,000 | 20,000 | 0.250 |"), md);
        assertTrue(md.contains("| ingest.ackLatencyMillis.p99.9 | 35.5 |"), md);
        assertTrue(md.contains("| database | PostgreSQL |"), md);
    }

    @Test
    void numbersAreFoundUnderDottedPathsEvenWhenAKeyHasADot() {
        assertEquals(35.5, Report.number(run(), "ingest.ackLatencyMillis.p99.9"));
        assertEquals(null, Report.number(run(), "outbound.acceptedPerSecond"));
    }

    @Test
    void jsonMarkdownAndAPngOfTheExpectedSizeAreWrittenUnderTheRunsName() throws Exception {
        Map<String, Object> result = run();
        Report.write(folder, "all", result);
        String base = "2026-11-24T101530Z-all-postgresql";
        assertTrue(Files.readString(folder.resolve(base + ".json")).startsWith("{\"benchmark\":\"all\""));
        assertTrue(Files.readString(folder.resolve(base + ".md")).contains("| benchmark | all |"));
        byte[] png = Files.readAllBytes(folder.resolve(base + ".png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, Arrays.copyOf(png, 8));
        BufferedImage image = ImageIO.read(folder.resolve(base + ".png").toFile());
        List<Chart.Bar> rates = Report.rateBars(result);
        List<Chart.Bar> latencies = Report.latencyBars(result);
        assertEquals(5, rates.size(), "ingest, history and the three limits");
        assertEquals(5, latencies.size(), "three acknowledgement and two end-to-end percentiles");
        assertEquals(Chart.WIDTH, image.getWidth());
        assertEquals(Chart.height(5, 5), image.getHeight());
    }

    @Test
    void theChartDrawsTandemAndTheLimitsInDifferentColours() {
        BufferedImage image = Chart.render("t", List.of(new Chart.Bar("tandem", 100, false), new Chart.Bar("limit", 100, true)),
                List.of());
        int y0 = Chart.HEADER + Chart.SECTION + Chart.BAR / 2;
        int tandem = image.getRGB(310, y0) & 0xffffff;
        int limit = image.getRGB(310, y0 + Chart.BAR) & 0xffffff;
        assertEquals(0x2f6fbf, tandem);
        assertEquals(0x9a9a9a, limit);
    }
}
