package dev.statsigjdbc.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness's own logic: order statistics, call windows, minimum pages, the command line. */
class HarnessArithmeticTest {

  @Test
  void medianAndPercentilesUseNearestRank() {
    assertThat(Medians.median(5, 1, 3)).isEqualTo(3);
    assertThat(Medians.median(4, 1, 3, 2)).isEqualTo(2);
    assertThat(Medians.percentile(90, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)).isEqualTo(9);
    assertThat(Medians.percentile(100, 7, 1)).isEqualTo(7);
    assertThatThrownBy(Medians::median).hasMessageContaining("no measurements");
  }

  @Test
  void theBusiestWindowCountsCallsSinceTheSampleBeforeIt() {
    CallWindows windows = new CallWindows();
    long second = 1_000_000_000L;
    windows.record(0, 0);
    windows.record(1 * second, 50);
    windows.record(11 * second, 60);
    windows.record(12 * second, 150);

    // 10 s ending at 12 s: counted from the 1 s sample (the last one at or before 2 s).
    assertThat(windows.maxInWindow(10 * second)).isEqualTo(150 - 50);
    // 1 s ending at 12 s: from the 11 s sample.
    assertThat(windows.maxInWindow(second)).isEqualTo(90);
  }

  @Test
  void minimumPagesRoundUpAndAnEmptyListStillCostsACall() {
    assertThat(SuiteQuery.pages(0)).isEqualTo(1);
    assertThat(SuiteQuery.pages(1000)).isEqualTo(1);
    assertThat(SuiteQuery.pages(1001)).isEqualTo(2);
    assertThat(SuiteQuery.pages(10_000)).isEqualTo(10);
  }

  @Test
  void thePhysicalMinimumIsTheCriticalPathOrTheRefillOfTheCallsBeyondTheBurst() {
    assertThat(new PhysicalMinimum(3, 40).millis(100, 100, 10)).isEqualTo(300);
    assertThat(new PhysicalMinimum(3, 250).millis(100, 100, 10)).isEqualTo(15_000);
  }

  @Test
  void optionsHaveDefaultsAndRefuseNonsenseWithTheUsage() {
    BenchOptions defaults = BenchOptions.parse();
    assertThat(defaults.latencyMillis()).isEqualTo(20);
    assertThat(defaults.hostedRoundTripMillis()).isEqualTo(100);
    assertThat(defaults.figures()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);

    BenchOptions given = BenchOptions.parse("--latency-ms", "5", "--rtt-ms", "50", "--repeats", "2", "--out", "x", "--only", "3,5");
    assertThat(given).isEqualTo(new BenchOptions(5, 50, 2, Path.of("x"), List.of(3, 5)));
    assertThat(given.runs(4)).isFalse();

    assertThatThrownBy(() -> BenchOptions.parse("--latency-ms", "-1")).hasMessageContaining("at least 0");
    assertThatThrownBy(() -> BenchOptions.parse("--only", "9")).hasMessageContaining("1 to 8");
    assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessageContaining("usage");
  }
}
