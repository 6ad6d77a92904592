package dev.statsigjdbc.assistant.chart;

import dev.statsigjdbc.assistant.answer.ChartSpec;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** Draws a chart spec as a PNG with XChart (headless). A table has no picture. */
public final class PngChartRenderer {
  private final int width;
  private final int height;

  public PngChartRenderer(int width, int height) {
    if (width < 100 || height < 100) {
      throw new IllegalArgumentException("a chart needs at least 100 x 100 pixels, got " + width + " x " + height);
    }
    this.width = width;
    this.height = height;
  }

  /**
   * The PNG bytes, or empty for {@link ChartSpec.Kind#TABLE}. A forest plot is as tall as its rows
   * need and a value a short card, whatever the height asked; the others have the size asked.
   */
  public Optional<byte[]> render(ChartSpec spec) {
    try {
      return switch (spec.kind()) {
        case BAR -> Optional.of(BitmapEncoder.getBitmapBytes(bars(spec), BitmapEncoder.BitmapFormat.PNG));
        case LINE -> Optional.of(BitmapEncoder.getBitmapBytes(line(spec), BitmapEncoder.BitmapFormat.PNG));
        case LIFT -> Optional.of(png(ForestPlot.draw(spec, width)));
        case VALUE -> Optional.of(png(ValueCard.draw(spec, width)));
        case TABLE -> Optional.empty();
      };
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the chart " + spec.title() + " as PNG", e);
    }
  }

  private static byte[] png(BufferedImage image) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }

  private CategoryChart bars(ChartSpec spec) {
    CategoryChart chart = categoryChart(spec);
    for (ChartSpec.Series s : spec.series()) {
      chart.addSeries(s.name(), spec.categories(), s.values());
    }
    chart.getStyler().setLegendVisible(spec.series().size() > 1);
    // Bars start at zero: a bar's length is its value.
    if (spec.series().stream().flatMap(s -> s.values().stream()).allMatch(v -> v >= 0)) {
      chart.getStyler().setYAxisMin(0.0);
    }
    return chart;
  }

  private XYChart line(ChartSpec spec) {
    XYChart chart = new XYChartBuilder().width(width).height(height).title(spec.title())
        .xAxisTitle(spec.xLabel()).yAxisTitle(spec.yLabel()).build();
    List<Date> days = spec.categories().stream()
        .map(d -> Date.from(LocalDate.parse(d).atStartOfDay().toInstant(ZoneOffset.UTC))).toList();
    for (ChartSpec.Series s : spec.series()) {
      chart.addSeries(s.name(), days, s.values());
    }
    chart.getStyler().setDatePattern("MMM d");
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setTimezone(java.util.TimeZone.getTimeZone("UTC"));
    chart.getStyler().setSeriesColors(colours(spec.series().size()));
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setMarkerSize(spec.categories().size() > 40 ? 0 : 5);
    chart.getStyler().setLocale(Locale.ENGLISH);
    return chart;
  }

  private CategoryChart categoryChart(ChartSpec spec) {
    CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(spec.title())
        .xAxisTitle(spec.xLabel()).yAxisTitle(spec.yLabel()).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setAvailableSpaceFill(0.6);
    chart.getStyler().setYAxisDecimalPattern("#,##0.##");
    chart.getStyler().setSeriesColors(colours(spec.series().size()));
    return chart;
  }

  private static Color[] colours(int series) {
    return IntStream.range(0, series).mapToObj(ChartPalette::seriesColour).toArray(Color[]::new);
  }
}
