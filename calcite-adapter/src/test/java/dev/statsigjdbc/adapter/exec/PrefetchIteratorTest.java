package dev.statsigjdbc.adapter.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PrefetchIteratorTest {

  private static QueryRun run() {
    return new QueryRun(null, Long.MAX_VALUE);
  }

  @Test
  void closingTheRunReturnsOnlyOnceNoExpansionRuns() throws Exception {
    QueryRun run = run();
    CountDownLatch started = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger finished = new AtomicInteger();
    Iterator<Integer> it = new PrefetchIterator<>(IntStream.range(0, 10).boxed().iterator(), n -> {
      if (n > 0) {
        started.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
        finished.incrementAndGet();
      }
      return List.of(n).iterator();
    }, 3, run);
    assertThat(it.next()).isZero();
    started.await(30, TimeUnit.SECONDS);

    Thread releaser = new Thread(release::countDown);
    releaser.start();
    run.close();

    assertThat(finished.get()).as("both expansions ahead ended before close returned").isEqualTo(2);
    releaser.join();
  }

  @Test
  void keepsTheOuterOrderWhateverOrderTheWorkersFinishIn() {
    List<Integer> outer = IntStream.range(0, 50).boxed().toList();
    Iterator<String> it = new PrefetchIterator<>(outer.iterator(),
        n -> List.of(n + "a", n + "b").iterator(), 8, run());

    List<String> out = new ArrayList<>();
    it.forEachRemaining(out::add);

    assertThat(out).hasSize(100).startsWith("0a", "0b", "1a").endsWith("49a", "49b");
  }

  @Test
  void expandsSeveralElementsAtOnce() {
    // Each expansion waits until four have started: only concurrent expansions can all get through.
    CountDownLatch started = new CountDownLatch(4);
    Iterator<Boolean> it = new PrefetchIterator<>(List.of(1, 2, 3, 4).iterator(), n -> {
      started.countDown();
      try {
        return List.of(started.await(30, TimeUnit.SECONDS)).iterator();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }, 4, run());

    List<Boolean> out = new ArrayList<>();
    it.forEachRemaining(out::add);

    assertThat(out).containsExactly(true, true, true, true);
  }

  @Test
  void neverExpandsMoreThanAheadElementsBeyondWhatWasRead() {
    AtomicInteger expanded = new AtomicInteger();
    Iterator<Integer> it = new PrefetchIterator<>(IntStream.range(0, 100).boxed().iterator(), n -> {
      expanded.incrementAndGet();
      return List.of(n).iterator();
    }, 3, run());

    assertThat(it.next()).isEqualTo(0);

    assertThat(expanded.get()).isLessThanOrEqualTo(3);
  }

  @Test
  void aWorkersExceptionIsThrownToTheReader() {
    Iterator<Integer> it = new PrefetchIterator<>(List.of(1, 2, 3).iterator(), n -> {
      if (n == 2) {
        throw new IllegalArgumentException("tool failed for 2");
      }
      return List.of(n).iterator();
    }, 2, run());

    assertThat(it.next()).isEqualTo(1);
    assertThatThrownBy(it::next).isInstanceOf(IllegalArgumentException.class).hasMessage("tool failed for 2");
  }
}
