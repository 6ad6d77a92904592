package dev.statsigjdbc.assistant.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rendered dashboard loaded in headless Chromium, offline: every pinned chart draws as SVG. */
class DashboardBrowserTest {

  @Test
  void everyPinnedChartDrawsInHeadlessChromium(@TempDir Path folder) throws Exception {
    HeadlessChromium chromium = HeadlessChromium.find().orElse(null);
    Assumptions.assumeTrue(chromium != null,
        "No chromium binary on the PATH or in /usr/bin: install Debian's chromium (and fonts-dejavu-core) to run this test");
    DashboardStore store = DashboardTest.pinned(folder.resolve("dashboards"), "growth");
    Path page = DashboardTest.renderer(store).render("growth", folder.resolve("growth.html")).page();
    int charts = DashboardTest.CHARTED.length;

    String dom = chromium.dumpDom(page, folder);

    // The page is long (the scripts are inline): assert on its body tag and chart elements, not the whole text.
    var bodyTag = Pattern.compile("<body[^>]*>(?=\\s*<h1>)").matcher(dom).results().findFirst().orElseThrow();
    String body = bodyTag.group();
    String content = dom.substring(bodyTag.end());
    assertThat(body).as("the page finished drawing").contains("data-charts=\"" + charts + "\"")
        .contains("data-rendered=\"" + charts + "\"").contains("data-failed=\"0\"");
    assertThat(content.contains("class=\"chart-error\"")).as("a chart-error element").isFalse();
    for (int i = 1; i <= charts; i++) {
      String chart = Pattern.compile("<div class=\"chart[^\"]*\" id=\"chart-" + i + "\".*?</div>", Pattern.DOTALL)
          .matcher(content).results().findFirst().orElseThrow().group();
      assertThat(Pattern.compile("<svg").matcher(chart).results().count()).as("svg in chart %d", i).isEqualTo(1);
    }
    assertThat(Pattern.compile("<svg").matcher(content).results().count()).as("svg elements on the page").isEqualTo(charts);

    Path png = Path.of("target", "dashboard.png");
    Files.deleteIfExists(png);
    chromium.screenshot(page, folder, png);
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(900);
  }
}
