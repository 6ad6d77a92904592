package dev.statsigjdbc.assistant.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statsigjdbc.assistant.Answer;
import dev.statsigjdbc.assistant.Assistant;
import dev.statsigjdbc.assistant.DemoConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardTest {
  static final String[] CHARTED = {
      "Which experiments shipped this quarter and what did they do to activation?",
      "What is the exposure split on the new-onboarding gate?",
      "Did the checkout test move revenue per user?"};
  static final String TABLED = "Which experiments are in setup?";
  private static final Instant PINNED = Instant.parse("2026-11-25T08:00:00Z");
  private static final Instant RENDERED = Instant.parse("2026-11-25T09:30:00Z");

  /** The three seed questions (charts) and a list (a table) pinned to {@code name}. */
  static DashboardStore pinned(Path folder, String name) throws Exception {
    DashboardStore store = new DashboardStore(folder);
    Assistant assistant = DemoConnection.assistant();
    for (String question : CHARTED) {
      store.pin(name, Pin.of(assistant.ask(question), PINNED));
    }
    store.pin(name, Pin.of(assistant.ask(TABLED), PINNED));
    return store;
  }

  static DashboardRenderer renderer(DashboardStore store) throws Exception {
    return new DashboardRenderer(store, DemoConnection.assistant(), Clock.fixed(RENDERED, ZoneOffset.UTC));
  }

  @Test
  void pinsAreStoredAsJsonAndReadBackWithTheirSqlAndChart(@TempDir Path folder) throws Exception {
    DashboardStore store = pinned(folder, "growth");

    Dashboard growth = store.load("growth");
    assertThat(growth.pins()).extracting(Pin::question).containsExactly(CHARTED[0], CHARTED[1], CHARTED[2], TABLED);
    Answer checkout = DemoConnection.assistant().ask(CHARTED[2]);
    Pin pin = growth.pins().get(2);
    assertThat(pin.sql()).isEqualTo(checkout.sql());
    assertThat(pin.chart()).isEqualTo(checkout.chart());
    assertThat(pin.pinnedAt()).isEqualTo(PINNED);
    assertThat(pin.plan().sql()).as("the stored SQL parses back to the same query").isEqualTo(checkout.sql());
    ObjectNode file = (ObjectNode) DashboardJson.JSON.readTree(store.file("growth").toFile());
    assertThat(file.path("pins").get(2).path("question").asText()).isEqualTo(CHARTED[2]);
    assertThat(store.list()).extracting(Dashboard::name).containsExactly("growth");
  }

  @Test
  void renderingRerunsEverySqlAndWritesOneSelfContainedPage(@TempDir Path folder) throws Exception {
    DashboardStore store = pinned(folder, "growth");

    DashboardRenderer.Rendered rendered = renderer(store).render("growth", folder.resolve("out/growth.html"));

    assertThat(rendered.failed()).isZero();
    String html = Files.readString(rendered.page());
    for (String question : CHARTED) {
      assertThat(html).contains(Html.escape(question));
    }
    assertThat(Pattern.compile("<div class=\"chart\" id=\"chart-\\d\">").matcher(html).results().count()).isEqualTo(3);
    assertThat(html).contains("Last refreshed " + RENDERED).contains("pinned " + PINNED)
        .contains("<th>name</th>").contains("checkout_v2 moved revenue_per_user::sum significantly");
    assertThat(html).as("no network: every script is inline").doesNotContain("<script src").doesNotContain("https://cdn")
        .contains("vegaEmbed");
    assertThat(store.load("growth").pins()).allSatisfy(p -> assertThat(p.refreshedAt()).isEqualTo(RENDERED));
  }

  @Test
  void aPinWhoseSqlNoLongerRunsKeepsItsChartAndSaysWhy(@TempDir Path folder) throws Exception {
    DashboardStore store = pinned(folder, "growth");
    Dashboard growth = store.load("growth");
    Pin broken = growth.pins().get(1);
    store.save(growth.without(2).with(new Pin(broken.question(), "DELETE FROM \"statsig\".\"gates\"", broken.intent(),
        broken.slots(), broken.period(), broken.chart(), broken.pinnedAt(), broken.refreshedAt())));

    DashboardRenderer.Rendered rendered = renderer(store).render("growth", folder.resolve("growth.html"));

    assertThat(rendered.failed()).isEqualTo(1);
    String html = Files.readString(rendered.page());
    assertThat(html).contains("Refresh failed: Only a read-only query (SELECT) is allowed, not DELETE")
        .contains("Showing the chart as last refreshed " + PINNED).contains("id=\"chart-4\"");
    assertThat(store.load("growth").pins().get(3).refreshedAt()).isEqualTo(PINNED);
  }

  @Test
  void unpinAndDeleteTakeNumbersAndNamesAsListed(@TempDir Path folder) throws Exception {
    DashboardStore store = pinned(folder, "growth");

    store.save(store.load("growth").without(1));
    assertThat(store.load("growth").pins()).extracting(Pin::question).containsExactly(CHARTED[1], CHARTED[2], TABLED);
    assertThatThrownBy(() -> store.load("growth").without(9)).hasMessageContaining("pick a number from 1 to 3");
    assertThat(store.delete("growth")).isTrue();
    assertThat(store.delete("growth")).isFalse();
    assertThatThrownBy(() -> store.load("growth")).hasMessageContaining("--pin growth");
  }

  @Test
  void namesThatAreNotPlainFileNamesAreRefused(@TempDir Path folder) {
    DashboardStore store = new DashboardStore(folder);
    assertThatThrownBy(() -> store.file("../etc/passwd")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("letters, digits");
  }

  @Test
  void aDamagedFileIsAnErrorThatNamesTheFileAndTheWayOut(@TempDir Path folder) throws Exception {
    DashboardStore store = new DashboardStore(folder);
    Files.writeString(store.file("growth"), "{\"name\": \"growth\", \"pins\": [{\"question\": 1}]}");
    assertThatThrownBy(() -> store.load("growth")).isInstanceOf(java.io.IOException.class)
        .hasMessageContaining(store.file("growth").toString()).hasMessageContaining("dashboard delete growth");
  }

  @Test
  void timesAreKeptToTheSecond() throws Exception {
    Pin pin = Pin.of(DemoConnection.assistant().ask(CHARTED[1]), Instant.parse("2026-11-25T08:00:00.123456789Z"));
    assertThat(pin.pinnedAt()).isEqualTo(PINNED);
    assertThat(pin.refreshed(pin.chart(), Instant.parse("2026-11-25T09:30:00.5Z")).refreshedAt()).isEqualTo(RENDERED);
  }

  @Test
  void aQuestionThatWasNotUnderstoodCannotBePinned() throws Exception {
    Answer weather = DemoConnection.assistant().ask("What's the weather?");
    assertThatThrownBy(() -> Pin.of(weather, PINNED)).hasMessageContaining("not understood");
  }
}
