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

  @Test
  void pngOfEachKindDecodesAtTheRequestedSizeAndIsNotBlank() throws Exception {
    PngChartRenderer renderer = new PngChartRenderer(640, 400);
    Path out = Path.of("target", "charts");
    Files.createDirectories(out);
    for (ChartSpec spec : List.of(BAR, LINE, LIFT)) {
      byte[] png = renderer.render(spec).orElseThrow();
      Files.write(out.resolve("sample-" + spec.kind().name().toLowerCase() + ".png"), png);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(image).as(spec.kind() + " decodes").isNotNull();
      assertThat(image.getWidth()).isEqualTo(640);
      assertThat(image.getHeight()).isEqualTo(400);
      assertThat(distinctColours(image)).as(spec.kind() + " draws something").isGreaterThan(10);
    }
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
