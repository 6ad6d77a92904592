package dev.statsigjdbc.assistant.chart;

import dev.statsigjdbc.assistant.answer.ChartSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
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

  /** The PNG bytes, or empty for {@link ChartSpec.Kind#TABLE}. */
  public Optional<byte[]> render(ChartSpec spec) {
    Chart<?, ?> chart = switch (spec.kind()) {
      case BAR -> bars(spec);
      case LIFT -> lift(spec);
      case LINE -> line(spec);
      case TABLE -> null;
    };
    if (chart == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG));
    } catch (IOException e) {
      throw new UncheckedIOException("could not encode the chart " + spec.title() + " as PNG", e);
    }
  }

  private CategoryChart bars(ChartSpec spec) {
    CategoryChart chart = categoryChart(spec);
    for (ChartSpec.Series s : spec.series()) {
      chart.addSeries(s.name(), spec.categories(), s.values());
    }
    chart.getStyler().setLegendVisible(spec.series().size() > 1);
    return chart;
  }

  /** The change per result as a bar with its confidence interval as the error bar. */
  private CategoryChart lift(ChartSpec spec) {
    CategoryChart chart = categoryChart(spec);
    ChartSpec.Series change = spec.series().get(0);
    chart.addSeries(change.name(), spec.categories(), change.values(), spec.intervals());
    chart.getStyler().setErrorBarsColorSeriesColor(false);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisLabelRotation(spec.categories().size() > 1 ? 20 : 0);
    // Zero always in view, so a bar's direction and its interval read against no change.
    double low = 0;
    double high = 0;
    for (int i = 0; i < spec.categories().size(); i++) {
      low = Math.min(low, change.values().get(i) - spec.intervals().get(i));
      high = Math.max(high, change.values().get(i) + spec.intervals().get(i));
    }
    double pad = (high - low) * 0.1;
    chart.getStyler().setYAxisMin(low - pad);
    chart.getStyler().setYAxisMax(high + pad);
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
    chart.getStyler().setDatePattern("MM-dd");
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setTimezone(java.util.TimeZone.getTimeZone("UTC"));
    return chart;
  }

  private CategoryChart categoryChart(ChartSpec spec) {
    CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(spec.title())
        .xAxisTitle(spec.xLabel()).yAxisTitle(spec.yLabel()).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setAvailableSpaceFill(0.6);
    chart.getStyler().setYAxisDecimalPattern("#,##0.##");
    return chart;
  }
}
