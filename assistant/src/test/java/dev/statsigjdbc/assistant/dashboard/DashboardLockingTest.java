package dev.statsigjdbc.assistant.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.assistant.answer.ChartSpec;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pins and unpins to one dashboard at once, from threads and from other processes, lose nothing. */
class DashboardLockingTest {
  private static final String NAME = "shared";

  private static List<String> questions(DashboardStore store) throws Exception {
    return store.load(NAME).pins().stream().map(Pin::question).toList();
  }

  private static List<String> labelled(String label, int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> label + "-" + i).toList();
  }

  @Test
  void threadsPinningAtOnceKeepEveryPin(@TempDir Path folder) throws Exception {
    int threads = 4;
    int each = 25;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Object>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String label = "thread" + t;
        // A store per thread, as separate commands would have.
        done.add(pool.submit(() -> {
          start.await();
          DashboardPinner.run(new DashboardStore(folder), NAME, label, each, false);
          return null;
        }));
      }
      start.countDown();
      for (Future<Object> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    List<String> questions = questions(new DashboardStore(folder));
    assertThat(questions).hasSize(threads * each).doesNotHaveDuplicates();
    for (int t = 0; t < threads; t++) {
      assertThat(questions).containsSubsequence(labelled("thread" + t, 0, each));
    }
  }

  @Test
  void twoProcessesPinningAndUnpinningAtOnceLoseNothing(@TempDir Path folder) throws Exception {
    int each = 40;
    Process pinner = child(folder, "pinner", each, false);
    Process unpinner = child(folder, "unpinner", each, true);
    // This JVM pins too, so that the in-process lock and the file lock meet.
    DashboardPinner.run(new DashboardStore(folder), NAME, "parent", each, false);

    assertThat(pinner.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(unpinner.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(pinner.exitValue()).as(new String(pinner.getErrorStream().readAllBytes())).isZero();
    assertThat(unpinner.exitValue()).as(new String(unpinner.getErrorStream().readAllBytes())).isZero();

    List<String> questions = questions(new DashboardStore(folder));
    assertThat(questions).containsAll(labelled("pinner", 0, each)).containsAll(labelled("parent", 0, each))
        .containsAll(labelled("unpinner", each / 2, each)).doesNotContainAnyElementsOf(labelled("unpinner", 0, each / 2))
        .hasSize(each * 2 + each / 2);
  }

  @Test
  void aRenderSavesItsChartsWithoutDroppingPinsAddedOrRemovedWhileItRan() {
    Pin kept = DashboardPinner.pin("kept");
    Pin removedMeanwhile = DashboardPinner.pin("removed meanwhile");
    Pin addedMeanwhile = DashboardPinner.pin("added meanwhile");
    Pin keptRefreshed = kept.refreshed(ChartSpec.table("kept, redrawn"), Instant.parse("2026-11-26T00:00:00Z"));
    List<Panel> panels = List.of(new Panel(keptRefreshed, null, "not run in this test"),
        new Panel(removedMeanwhile, null, "not run in this test"));
    Dashboard now = new Dashboard(NAME, List.of(kept, addedMeanwhile));

    Dashboard saved = DashboardRefresher.withRefreshed(now, panels);

    assertThat(saved.pins()).containsExactly(keptRefreshed, addedMeanwhile);
  }

  private static Process child(Path folder, String label, int count, boolean unpin) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), DashboardPinner.class.getName(),
        folder.toString(), NAME, label, String.valueOf(count), String.valueOf(unpin))
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }
}
