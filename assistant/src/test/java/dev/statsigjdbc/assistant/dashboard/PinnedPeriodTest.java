package dev.statsigjdbc.assistant.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.assistant.Assistant;
import dev.statsigjdbc.assistant.DemoConnection;
import dev.statsigjdbc.assistant.plan.OfflinePlanner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pinned "this quarter" or "last 30 days" is re-read on the day the dashboard is rendered
 * (clocks injected); an absolute period stays the one it was.
 */
class PinnedPeriodTest {
  private static final String SHIPPED = "Which experiments shipped this quarter and what did they do to activation?";
  private static final String TREND = "How has activation trended over the last 30 days?";
  private static final String SINCE = "Page load time trend since October";
  private static final String UNSAID = "How has activation trended?";

  private static Clock at(LocalDate day) {
    return Clock.fixed(day.atTime(10, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
  }

  private static DashboardStore pinnedOn(Path folder) throws Exception {
    DashboardStore store = new DashboardStore(folder);
    Assistant assistant = DemoConnection.assistant(); // today = 2026-11-25
    for (String question : new String[] {SHIPPED, TREND, SINCE, UNSAID}) {
      store.pin("periods", Pin.of(assistant.ask(question), DemoConnection.CLOCK.instant()));
    }
    return store;
  }

  private static Dashboard renderOn(DashboardStore store, LocalDate day, Path page) throws Exception {
    Clock clock = at(day);
    DashboardRenderer.Rendered rendered = new DashboardRenderer(store,
        new Assistant(DemoConnection.connection(), new OfflinePlanner(), clock), clock).render("periods", page);
    assertThat(rendered.failed()).isZero();
    return store.load("periods");
  }

  @Test
  void relativePeriodsMoveToTheRenderDayAndAbsoluteOnesStay(@TempDir Path folder) throws Exception {
    DashboardStore store = pinnedOn(folder);
    Dashboard before = store.load("periods");
    assertThat(before.pins().get(0).sql()).contains("TIMESTAMP '2026-10-01 00:00:00'")
        .contains("TIMESTAMP '2026-11-26 00:00:00'");
    assertThat(before.pins().get(1).sql()).contains("DATE '2026-10-26'").contains("DATE '2026-11-24'");

    Dashboard after = renderOn(store, LocalDate.of(2027, 2, 10), folder.resolve("periods.html"));

    Pin shipped = after.pins().get(0);
    assertThat(shipped.period().start()).isEqualTo(LocalDate.of(2027, 1, 1));
    assertThat(shipped.period().end()).isEqualTo(LocalDate.of(2027, 2, 10));
    assertThat(shipped.sql()).contains("TIMESTAMP '2027-01-01 00:00:00'").contains("TIMESTAMP '2027-02-11 00:00:00'")
        .doesNotContain("2026-10-01").doesNotContain("2026-11-26");
    Pin trend = after.pins().get(1);
    assertThat(trend.sql()).contains("DATE '2027-01-11'").contains("DATE '2027-02-09'").doesNotContain("2026-1");
    assertThat(trend.period().label()).isEqualTo("last 30 days");
    Pin since = after.pins().get(2);
    assertThat(since.sql()).isEqualTo(before.pins().get(2).sql()).contains("DATE '2026-10-01'")
        .contains("DATE '2026-11-24'");
    assertThat(since.period().relative()).isFalse();
    assertThat(after.pins().get(3).sql()).as("no phrase: the default last 30 days moves too")
        .contains("DATE '2027-01-11'").contains("DATE '2027-02-09'");

    // The file keeps the phrase, so the next render moves again from wherever the last one left it.
    JsonNode file = DashboardJson.JSON.readTree(store.file("periods").toFile());
    assertThat(file.path("pins").get(0).path("period").path("phrase").asText()).isEqualTo("this quarter");
    assertThat(file.path("pins").get(2).path("period").has("phrase")).isFalse();
    Dashboard later = renderOn(store, LocalDate.of(2027, 4, 2), folder.resolve("periods.html"));
    assertThat(later.pins().get(0).sql()).contains("TIMESTAMP '2027-04-01 00:00:00'")
        .contains("TIMESTAMP '2027-04-03 00:00:00'");
  }

  @Test
  void onThePinDayNothingMoves(@TempDir Path folder) throws Exception {
    DashboardStore store = pinnedOn(folder);
    Dashboard before = store.load("periods");

    Dashboard after = renderOn(store, DemoConnection.TODAY, folder.resolve("periods.html"));

    for (int i = 0; i < before.pins().size(); i++) {
      assertThat(after.pins().get(i).sql()).isEqualTo(before.pins().get(i).sql());
      assertThat(after.pins().get(i).period()).isEqualTo(before.pins().get(i).period());
    }
    assertThat(after.pins().get(1).refreshedAt()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
  }
}
