package dev.statsigjdbc.assistant.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TimePhrasesTest {
  private final TimePhrases phrases = new TimePhrases(LocalDate.of(2026, 11, 25));

  @ParameterizedTest
  @CsvSource({
      "what shipped this quarter, 2026-10-01, 2026-11-25",
      "what shipped last quarter, 2026-07-01, 2026-09-30",
      "activation over the last 30 days, 2026-10-26, 2026-11-24",
      "last 7 days, 2026-11-18, 2026-11-24",
      "past 2 weeks, 2026-11-11, 2026-11-24",
      "last 3 months, 2026-08-25, 2026-11-24",
      "last week, 2026-11-16, 2026-11-22",
      "this week, 2026-11-23, 2026-11-25",
      "since the start of the quarter, 2026-10-01, 2026-11-25",
      "quarter to date, 2026-10-01, 2026-11-25",
      "in q3, 2026-07-01, 2026-09-30",
      "q1 2025, 2025-01-01, 2025-03-31",
      "in 2025, 2025-01-01, 2025-12-31",
      "since march, 2026-03-01, 2026-11-25",
      "since december, 2025-12-01, 2026-11-25",
      "in feb 2026, 2026-02-01, 2026-02-28",
      "yesterday, 2026-11-24, 2026-11-24",
      "this year, 2026-01-01, 2026-11-25",
      "last year, 2025-01-01, 2025-12-31",
      "this month, 2026-11-01, 2026-11-25",
      "last month, 2026-10-01, 2026-10-31",
  })
  void readsPhrasesRelativeToToday(String text, LocalDate start, LocalDate end) {
    Period period = phrases.find(text).orElseThrow();
    assertThat(period.start()).isEqualTo(start);
    assertThat(period.end()).isEqualTo(end);
  }

  @ParameterizedTest
  @CsvSource({"did the checkout test move revenue", "what is the exposure split"})
  void noPhraseNoPeriod(String text) {
    assertThat(phrases.find(text)).isEmpty();
  }

  @org.junit.jupiter.api.Test
  void aQuarterStartsOnItsFirstMonth() {
    Period q = new TimePhrases(LocalDate.of(2026, 1, 10)).find("last quarter").orElseThrow();
    assertThat(q.start()).isEqualTo(LocalDate.of(2025, 10, 1));
    assertThat(q.end()).isEqualTo(LocalDate.of(2025, 12, 31));
  }
}
