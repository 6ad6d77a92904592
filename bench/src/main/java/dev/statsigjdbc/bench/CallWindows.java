package dev.statsigjdbc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Samples a running call counter and reports the most calls seen in any window of a given length:
 * the evidence that a token bucket was respected. A window is measured from the sample just
 * before it, so it may overcount by one sampling interval's calls (20 ms), never undercount.
 */
final class CallWindows {
  private record Sample(long nanos, long total) {}

  private final List<Sample> samples = new ArrayList<>();

  synchronized void record(long nanos, long total) {
    samples.add(new Sample(nanos, total));
  }

  /** Most calls within any span of {@code windowNanos} ending at a sample (counted from the last sample at or before its start). */
  synchronized long maxInWindow(long windowNanos) {
    long max = 0;
    int start = 0;
    for (Sample last : samples) {
      while (start + 1 < samples.size() && samples.get(start + 1).nanos() <= last.nanos() - windowNanos) {
        start++;
      }
      max = Math.max(max, last.total() - samples.get(start).total());
    }
    return max;
  }

  /** Runs {@code action} while a daemon thread samples {@code counter} every 20 ms. */
  static CallWindows during(LongSupplier counter, Timer.Action action) throws Exception {
    CallWindows windows = new CallWindows();
    windows.record(System.nanoTime(), counter.getAsLong());
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        windows.record(System.nanoTime(), counter.getAsLong());
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-call-sampler");
    sampler.setDaemon(true);
    sampler.start();
    try {
      action.run();
    } finally {
      sampler.interrupt();
      sampler.join();
      windows.record(System.nanoTime(), counter.getAsLong());
    }
    return windows;
  }
}
