package dev.statsigjdbc.assistant.chart;

import dev.statsigjdbc.assistant.answer.ChartSpec;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * Experiment results as a forest plot, drawn with Java 2D: one row per result, the estimate as a
 * dot and its confidence interval as a line, around a dashed zero line; significant results are
 * coloured by direction, the others grey. The height follows the rows (one row is a short strip).
 */
final class ForestPlot {
  static final int ROW = 34;
  private static final int TOP = 52;
  private static final int BOTTOM = 78;
  private static final int RIGHT = 28;
  private static final Color INK = new Color(0x33, 0x33, 0x33);
  private static final Color GRID = new Color(0xe6, 0xe6, 0xe6);

  private ForestPlot() {}

  static int height(int rows) {
    return TOP + ROW * rows + BOTTOM;
  }

  static BufferedImage draw(ChartSpec spec, int width) {
    int rows = spec.categories().size();
    BufferedImage image = new BufferedImage(width, height(rows), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, image.getHeight());
      Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
      g.setColor(INK);
      g.drawString(spec.title(), 12, 26);

      g.setFont(label);
      FontMetrics fm = g.getFontMetrics();
      int labelWidth = Math.min(width * 45 / 100, spec.categories().stream().mapToInt(fm::stringWidth).max().orElse(0) + 16);
      int left = labelWidth + 8;
      int plotWidth = width - left - RIGHT;
      double[] range = range(spec);
      double step = niceStep((range[1] - range[0]) / 5);
      double lo = Math.floor(range[0] / step) * step;
      double hi = Math.ceil(range[1] / step) * step;
      int bottom = TOP + ROW * rows;

      // Grid and ticks.
      for (double t = lo; t <= hi + step / 2; t += step) {
        int x = left + (int) Math.round((t - lo) / (hi - lo) * plotWidth);
        g.setColor(GRID);
        g.drawLine(x, TOP, x, bottom);
        g.setColor(INK);
        String tick = format(t);
        g.drawString(tick, x - fm.stringWidth(tick) / 2, bottom + 16);
      }
      String axis = spec.yLabel() == null ? "change" : spec.yLabel();
      g.drawString(axis, left + (plotWidth - fm.stringWidth(axis)) / 2, bottom + 34);

      // Zero: no change.
      int zero = left + (int) Math.round((0 - lo) / (hi - lo) * plotWidth);
      g.setColor(INK);
      g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f));
      g.draw(new Line2D.Double(zero, TOP - 4, zero, bottom));

      for (int i = 0; i < rows; i++) {
        double v = spec.series().get(0).values().get(i);
        double ci = spec.intervals().get(i);
        int y = TOP + ROW * i + ROW / 2;
        g.setColor(INK);
        String name = fit(spec.categories().get(i), fm, labelWidth - 8);
        g.drawString(name, labelWidth - fm.stringWidth(name), y + fm.getAscent() / 2 - 1);
        g.setColor(ChartPalette.verdictColour(ChartPalette.verdict(v, ci)));
        double x1 = left + (v - ci - lo) / (hi - lo) * plotWidth;
        double x2 = left + (v + ci - lo) / (hi - lo) * plotWidth;
        double xv = left + (v - lo) / (hi - lo) * plotWidth;
        g.setStroke(new BasicStroke(2.4f));
        g.draw(new Line2D.Double(x1, y, x2, y));
        g.draw(new Line2D.Double(x1, y - 5, x1, y + 5));
        g.draw(new Line2D.Double(x2, y - 5, x2, y + 5));
        g.fill(new Ellipse2D.Double(xv - 5.5, y - 5.5, 11, 11));
      }
      legend(g, fm, 12, bottom + 58);
    } finally {
      g.dispose();
    }
    return image;
  }

  private static void legend(Graphics2D g, FontMetrics fm, int x, int y) {
    for (int i = 0; i < ChartPalette.VERDICTS.size(); i++) {
      g.setColor(ChartPalette.colour(ChartPalette.VERDICT_COLOURS.get(i)));
      g.fill(new Ellipse2D.Double(x, y - 9, 10, 10));
      g.setColor(INK);
      String text = ChartPalette.VERDICTS.get(i);
      g.drawString(text, x + 15, y);
      x += 15 + fm.stringWidth(text) + 22;
    }
  }

  /** Low and high of every interval, with zero always in view. */
  private static double[] range(ChartSpec spec) {
    double low = 0;
    double high = 0;
    for (int i = 0; i < spec.categories().size(); i++) {
      double v = spec.series().get(0).values().get(i);
      low = Math.min(low, v - spec.intervals().get(i));
      high = Math.max(high, v + spec.intervals().get(i));
    }
    if (high - low < 1e-9) {
      high = low + 1;
    }
    return new double[] {low, high};
  }

  private static double niceStep(double raw) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / magnitude;
    return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
  }

  private static String format(double v) {
    return Math.abs(v) < 1e-9 ? "0" : String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.0f" : "%.1f", v);
  }

  private static String fit(String text, FontMetrics fm, int width) {
    if (fm.stringWidth(text) <= width) {
      return text;
    }
    String cut = text;
    while (cut.length() > 1 && fm.stringWidth(cut + "…") > width) {
      cut = cut.substring(0, cut.length() - 1);
    }
    return cut + "…";
  }
}
