package dev.statsigjdbc.assistant.chart;

import dev.statsigjdbc.assistant.answer.ChartSpec;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;

/** One number as a value with its label and day: what a single-day series is, instead of a one-point line. */
final class ValueCard {
  static final int HEIGHT = 180;

  private ValueCard() {}

  static BufferedImage draw(ChartSpec spec, int width) {
    BufferedImage image = new BufferedImage(width, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, HEIGHT);
      g.setColor(new Color(0x33, 0x33, 0x33));
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
      g.drawString(spec.title(), 16, 28);
      g.setColor(ChartPalette.seriesColour(0));
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 56));
      g.drawString(format(spec.series().get(0).values().get(0)), 16, 100);
      g.setColor(new Color(0x66, 0x66, 0x66));
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 15));
      g.drawString(spec.yLabel() + " on " + spec.categories().get(0), 18, 136);
    } finally {
      g.dispose();
    }
    return image;
  }

  static String format(double v) {
    return Math.abs(v) >= 1000 ? String.format(Locale.ROOT, "%,.0f", v)
        : String.format(Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "");
  }
}
