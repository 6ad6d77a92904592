package dev.statsigjdbc.assistant.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.assistant.answer.ChartSpec;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ChartRenderingTest {
  static final ChartSpec BAR = new ChartSpec(ChartSpec.Kind.BAR, "Exposure split · new_onboarding", "rule", "units",
      List.of("Employees", "Everyone else"), List.of(new ChartSpec.Series("passed", List.of(275247.0, 54623.0)),
      new ChartSpec.Series("failed", List.of(0.0, 218492.0))), null);
  static final ChartSpec LINE = new ChartSpec(ChartSpec.Kind.LINE, "activation", "day", "activation",
      List.of("2026-11-01", "2026-11-02", "2026-11-03"), List.of(new ChartSpec.Series("activation", List.of(0.41, 0.43, 0.40))), null);
  static final ChartSpec LIFT = new ChartSpec(ChartSpec.Kind.LIFT, "checkout_v2", "result", "change (%)",
      List.of("revenue_per_user::sum · Single-page", "checkout_conversion::funnel · Single-page"),
      List.of(new ChartSpec.Series("change", List.of(6.3, 4.4))), List.of(1.5, 2.1));

  static final ChartSpec ONE_RESULT = new ChartSpec(ChartSpec.Kind.LIFT, "checkout_v2 · revenue_per_user", "result",
      "change (%)", List.of("revenue_per_user::sum · Single-page"), List.of(new ChartSpec.Series("change", List.of(-0.4))),
      List.of(1.2));
  static final ChartSpec VALUE = new ChartSpec(ChartSpec.Kind.VALUE, "checkout_conversion", "day", "checkout_conversion",
      List.of("2026-11-24"), List.of(new ChartSpec.Series("checkout_conversion", List.of(0.0712))), null);

  @Test
  void barsAndLinesHaveTheRequestedSizeAndDrawSomething() throws Exception {
    PngChartRenderer renderer = new PngChartRenderer(640, 400);
    for (ChartSpec spec : List.of(BAR, LINE)) {
      BufferedImage image = write(renderer, spec, "sample-" + spec.kind().name().toLowerCase());
      assertThat(image.getWidth()).isEqualTo(640);
      assertThat(image.getHeight()).isEqualTo(400);
      assertThat(distinctColours(image)).as(spec.kind() + " draws something").isGreaterThan(10);
    }
  }

  @Test
  void aForestPlotIsAsTallAsItsRowsAndColoursSignificantResultsByDirection() throws Exception {
    PngChartRenderer renderer = new PngChartRenderer(640, 400);
    BufferedImage two = write(renderer, LIFT, "sample-lift");
    BufferedImage one = write(renderer, ONE_RESULT, "sample-lift-one-row");
    assertThat(one.getHeight()).isEqualTo(ForestPlot.height(1)).isLessThan(200);
    assertThat(two.getHeight()).isEqualTo(one.getHeight() + ForestPlot.ROW);
    // Both results of LIFT are significant increases: their colour is there; the grey of "not significant" is only
    // in the legend, while the one-row plot's result is not significant and draws its interval in grey.
    assertThat(pixels(two, ChartPalette.INCREASE)).isGreaterThan(pixels(one, ChartPalette.INCREASE) * 3);
    assertThat(pixels(one, ChartPalette.NOT_SIGNIFICANT)).isGreaterThan(pixels(two, ChartPalette.NOT_SIGNIFICANT) * 3);
  }

  @Test
  void aSingleDayIsAValueNotALine() throws Exception {
    BufferedImage card = write(new PngChartRenderer(640, 400), VALUE, "sample-value");
    assertThat(card.getHeight()).isEqualTo(ValueCard.HEIGHT);
    assertThat(pixels(card, ChartPalette.SERIES.get(0))).isGreaterThan(200);
    JsonNode vega = new VegaLiteRenderer().render(VALUE).orElseThrow();
    assertThat(vega.path("layer").get(0).path("mark").path("type").asText()).isEqualTo("text");
    assertThat(ValueCard.format(0.0712)).isEqualTo("0.0712");
    assertThat(ValueCard.format(27037)).isEqualTo("27,037");
  }

  private static BufferedImage write(PngChartRenderer renderer, ChartSpec spec, String name) throws Exception {
    Path out = Path.of("target", "charts");
    Files.createDirectories(out);
    byte[] png = renderer.render(spec).orElseThrow();
    Files.write(out.resolve(name + ".png"), png);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
    assertThat(image).as(name + " decodes").isNotNull();
    return image;
  }

  private static int pixels(BufferedImage image, String hex) {
    int rgb = java.awt.Color.decode(hex).getRGB();
    int n = 0;
    for (int x = 0; x < image.getWidth(); x++) {
      for (int y = 0; y < image.getHeight(); y++) {
        n += image.getRGB(x, y) == rgb ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void aTableHasNoPicture() {
    assertThat(new PngChartRenderer(640, 400).render(ChartSpec.table("metrics"))).isEmpty();
    assertThat(new VegaLiteRenderer().render(ChartSpec.table("metrics"))).isEmpty();
  }

  @Test
  void tinyCanvasIsRefusedWithTheSizeGiven() {
    assertThatThrownBy(() -> new PngChartRenderer(10, 400)).hasMessageContaining("10 x 400");
  }

  @Test
  void vegaLiteBarGroupsSeriesSideBySide() {
    JsonNode bar = new VegaLiteRenderer().render(BAR).orElseThrow();
    assertThat(bar.path("$schema").asText()).isEqualTo(VegaLiteRenderer.SCHEMA);
    assertThat(bar.path("mark").asText()).isEqualTo("bar");
    assertThat(bar.path("data").path("values")).hasSize(4);
    assertThat(bar.path("encoding").path("xOffset").path("field").asText()).isEqualTo("series");
    assertThat(bar.path("encoding").path("y").path("scale").path("zero").asBoolean()).isTrue();
    assertThat(bar.path("encoding").path("color").path("scale").path("range").get(0).asText())
        .isEqualTo(ChartPalette.SERIES.get(0));
  }

  @Test
  void vegaLiteLineIsTemporal() {
    JsonNode line = new VegaLiteRenderer().render(LINE).orElseThrow();
    assertThat(line.path("mark").path("type").asText()).isEqualTo("line");
    assertThat(line.path("encoding").path("x").path("type").asText()).isEqualTo("temporal");
    assertThat(line.path("data").path("values").get(1).path("value").asDouble()).isEqualTo(0.43);
  }

  @Test
  void vegaLiteLiftCarriesTheInterval() {
    JsonNode lift = new VegaLiteRenderer().render(LIFT).orElseThrow();
    JsonNode first = lift.path("data").path("values").get(0);
    assertThat(first.path("low").asDouble()).isCloseTo(4.8, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(first.path("high").asDouble()).isCloseTo(7.8, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(lift.path("layer")).hasSize(3);
    assertThat(first.path("verdict").asText()).isEqualTo("significant increase");
    assertThat(lift.path("layer").get(2).path("encoding").path("color").path("scale").path("range").get(0).asText())
        .isEqualTo(ChartPalette.INCREASE);
  }

  @Test
  void liftWithoutIntervalsIsRefused() {
    assertThatThrownBy(() -> new ChartSpec(ChartSpec.Kind.LIFT, "x", "a", "b", List.of("m"),
        List.of(new ChartSpec.Series("change", List.of(1.0))), List.of()))
        .hasMessageContaining("one interval per category");
  }

  private static int distinctColours(BufferedImage image) {
    Set<Integer> colours = new HashSet<>();
    for (int x = 0; x < image.getWidth(); x += 3) {
      for (int y = 0; y < image.getHeight(); y += 3) {
        colours.add(image.getRGB(x, y));
      }
    }
    return colours.size();
  }
}
