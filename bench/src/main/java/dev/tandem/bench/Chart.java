package dev.tandem.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A PNG of a run, drawn with java.awt (headless): horizontal bars of the rates (Tandem next to the
 * bare JDBC and JMS limits) and of the latency percentiles. Both on a log scale, because a limit can
 * be a hundred times the measured rate and a small bar must stay readable; each bar carries its value.
 */
final class Chart {

    static final int WIDTH = 1000;
    static final int BAR = 26;
    static final int HEADER = 60;
    static final int SECTION = 40;

    /** One bar; {@code limit} marks a bare baseline rather than Tandem itself. */
    record Bar(String label, double value, boolean limit) {
    }

    private Chart() {
    }

    static int height(int rates, int latencies) {
        return HEADER + 2 * SECTION + (rates + latencies) * BAR + 30;
    }

    static BufferedImage render(String title, List<Bar> rates, List<Bar> latencies) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(WIDTH, height(rates.size(), latencies.size()), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, 20, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawString("blue (rates) and orange (latencies): Tandem   grey: bare limit on the same machine   (log scales)", 20, 48);
        int y = HEADER;
        y = section(g, "rates per second", rates, y, new Color(0x2f6fbf));
        section(g, "latency, milliseconds", latencies, y, new Color(0xd9822b));
        g.dispose();
        return image;
    }

    private static int section(Graphics2D g, String name, List<Bar> bars, int y, Color tandem) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(name, 20, y + 25);
        y += SECTION;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(1);
        double top = Math.log10(Math.max(10, max * 1.2));
        int left = 300;
        int span = WIDTH - left - 120;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        for (Bar bar : bars) {
            double scaled = bar.value() <= 1 ? 0 : Math.log10(bar.value()) / top;
            int length = Math.max(2, (int) Math.round(span * Math.min(1, scaled)));
            g.setColor(bar.limit() ? new Color(0x9a9a9a) : tandem);
            g.fillRect(left, y + 4, length, BAR - 8);
            g.setColor(Color.BLACK);
            g.drawString(bar.label(), 20, y + BAR - 9);
            g.drawString(format(bar.value()), left + length + 6, y + BAR - 9);
            y += BAR;
        }
        g.setColor(Color.LIGHT_GRAY);
        g.setStroke(new BasicStroke(1));
        g.drawLine(left, y - bars.size() * BAR, left, y);
        return y;
    }

    static String format(double value) {
        return value >= 100 ? String.format("%,.0f", value) : String.format("%.2f", value);
    }

    static void write(Path file, BufferedImage image) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer");
        }
    }
}
