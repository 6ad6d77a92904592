package dev.statsigjdbc.emulator.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statsigjdbc.emulator.api.ApiQuirks.NextPageStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PaginationTest {

  /** Follows nextPage when the style gives one; with ALWAYS_NULL pages by number until a short page. */
  static List<String> pageThrough(InMemoryConsoleApi api, String template, int limit, NextPageStyle style) {
    List<String> ids = new ArrayList<>();
    int page = 1;
    while (true) {
      JsonNode body = Req.get(template).query("page", page).query("limit", limit).on(api);
      body.path("data").forEach(e -> ids.add(e.path("id").asText()));
      JsonNode next = body.path("pagination").path("nextPage");
      if (style == NextPageStyle.ALWAYS_NULL) {
        assertThat(next.isNull()).isTrue();
        if (body.path("data").size() < limit) {
          return ids;
        }
      } else if (next.isNull()) {
        return ids;
      } else {
        String expectedPrefix = style == NextPageStyle.HOST_WITHOUT_SCHEME ? "statsigapi.net/console/" : "/console/";
        assertThat(next.asText()).startsWith(expectedPrefix).endsWith("?page=" + (page + 1) + "&limit=" + limit);
      }
      page++;
    }
  }

  @ParameterizedTest
  @EnumSource(NextPageStyle.class)
  void pagingToTheEndReturnsEveryExperimentAndGateExactlyOnce(NextPageStyle style) {
    InMemoryConsoleApi api = Fixtures.api(new ApiQuirks(false, false, style));
    List<String> experiments = pageThrough(api, "/console/v1/experiments", 7, style);
    assertThat(experiments).hasSize(60).doesNotHaveDuplicates();
    List<String> gates = pageThrough(api, "/console/v1/gates", 25, style);
    assertThat(gates).hasSize(120).doesNotHaveDuplicates();
    assertThat(new HashSet<>(gates)).contains("new_onboarding");
  }

  @org.junit.jupiter.api.Test
  void paginationBlockDescribesThePage() {
    InMemoryConsoleApi api = Fixtures.api();
    JsonNode last = Req.get("/console/v1/experiments").query("page", "6").query("limit", "10").on(api).path("pagination");
    assertThat(last.path("pageNumber").asInt()).isEqualTo(6);
    assertThat(last.path("itemsPerPage").asInt()).isEqualTo(10);
    assertThat(last.path("totalItems").asInt()).isEqualTo(60);
    assertThat(last.path("nextPage").isNull()).isTrue();
    assertThat(last.path("previousPage").asText()).isEqualTo("/console/v1/experiments?page=5&limit=10");
    JsonNode beyond = Req.get("/console/v1/experiments").query("page", 7).query("limit", 10).on(api);
    assertThat(beyond.path("data")).isEmpty();
    JsonNode defaults = Req.get("/console/v1/gates").on(api);
    assertThat(defaults.path("data")).hasSize(100);
    assertThat(defaults.path("pagination").path("nextPage").asText()).isEqualTo("/console/v1/gates?page=2&limit=100");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-3", "ten", "1.5", "1001"})
  void badPageOrLimitIsA400ThatSaysWhatIsAllowed(String bad) {
    InMemoryConsoleApi api = Fixtures.api();
    assertThatThrownBy(() -> Req.get("/console/v1/experiments").query("limit", bad).on(api))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage()).contains("'limit'").containsAnyOf("positive integer", "between 1 and 1000");
        });
    if (!bad.equals("1001")) {
      assertThatThrownBy(() -> Req.get("/console/v1/gates").query("page", bad).on(api))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("'page'"));
    }
  }

  @org.junit.jupiter.api.Test
  void aCappedServerServesFewerRowsThanAskedAndNumbersItsPagesAtTheCap() {
    InMemoryConsoleApi api = new InMemoryConsoleApi(Fixtures.demo(), ApiQuirks.specExamples(), PageLimits.cappedAt(25));
    JsonNode second = Req.get("/console/v1/gates").query("page", 2).query("limit", 1000).on(api);
    assertThat(second.path("data")).hasSize(25);
    assertThat(second.path("pagination").path("itemsPerPage").asInt()).isEqualTo(25);
    assertThat(second.path("pagination").path("nextPage").asText()).isEqualTo("/console/v1/gates?page=3&limit=25");
    List<String> secondIds = new ArrayList<>();
    second.path("data").forEach(g -> secondIds.add(g.path("id").asText()));
    List<String> all = pageThrough(api, "/console/v1/gates", 25, NextPageStyle.RELATIVE_PATH);
    assertThat(all).hasSize(120).doesNotHaveDuplicates();
    assertThat(secondIds).as("page 2 of a limit of 1000 is items 26 to 50").isEqualTo(all.subList(25, 50));
  }

  @org.junit.jupiter.api.Test
  void aServerThatRefusesLargeLimitsAnswers400AboveItsLargestPage() {
    InMemoryConsoleApi api = new InMemoryConsoleApi(Fixtures.demo(), ApiQuirks.specExamples(), PageLimits.refusingAbove(100));
    assertThat(Req.get("/console/v1/gates").query("limit", 100).on(api).path("data")).hasSize(100);
    assertThatThrownBy(() -> Req.get("/console/v1/gates").query("limit", 101).on(api))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage()).contains("'limit'").contains("between 1 and 100");
        });
  }
}
