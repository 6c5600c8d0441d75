package io.banli.reporting.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import javax.imageio.ImageIO;

import io.banli.reporting.compilation.CjkFont;

/**
 * Draws the report's bar charts as PNG with Java's own 2D graphics (no chart library, no browser).
 * Labels are drawn in the bundled CJK font ({@link CjkFont}), so they can be Chinese on a server that
 * has no fonts of its own; a label too long for its column is cut with an ellipsis.
 */
final class Charts {

    static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)};
    static final int WIDTH = 640;
    private static final int ROW = 34;
    private static final int LEFT = 150;

    private Charts() {
    }

    /** A bar for each value (in percent, 0–100), with an optional standard line (e.g. 85 % on time). */
    static byte[] bars(List<String> labels, List<Double> percents, Double standard) {
        int height = 40 + ROW * Math.max(1, labels.size());
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);
        g.setFont(CjkFont.awt(13));
        int span = WIDTH - LEFT - 80;
        for (int i = 0; i < labels.size(); i++) {
            int y = 20 + i * ROW;
            double p = percents.get(i) == null ? 0 : percents.get(i);
            g.setColor(PALETTE[i % PALETTE.length]);
            g.fillRect(LEFT, y, (int) Math.round(span * p / 100), ROW - 10);
            g.setColor(Color.DARK_GRAY);
            g.drawString(fit(labels.get(i), g, LEFT - 16), 10, y + 17);
            g.drawString(percents.get(i) == null ? "-" : String.format("%.2f%%", p),
                    LEFT + (int) Math.round(span * p / 100) + 6, y + 17);
        }
        g.setColor(Color.GRAY);
        g.drawLine(LEFT, 14, LEFT, height - 14);
        if (standard != null) {
            int x = LEFT + (int) Math.round(span * standard / 100);
            g.setColor(Color.RED);
            g.setStroke(new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0));
            g.drawLine(x, 10, x, height - 10);
            g.drawString(String.format("%.0f%%", standard), x + 4, height - 12);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The label, or as much of it as fits the width followed by "…". */
    private static String fit(String label, Graphics2D g, int width) {
        if (g.getFontMetrics().stringWidth(label) <= width) {
            return label;
        }
        String cut = label;
        while (!cut.isEmpty() && g.getFontMetrics().stringWidth(cut + "…") > width) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut + "…";
    }
}
