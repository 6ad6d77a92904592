package dev.statsigjdbc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;

/**
 * The most heap a run kept alive: every 10 ms, the sum over the heap pools of what their last
 * collection left in use, the largest sum seen. Used heap before a collection includes garbage
 * (it grows to whatever the collector lets it), and the pools' own peaks come at different
 * times (their sum can exceed -Xmx); what survives collections is what the run holds.
 */
final class LiveHeap {
  private final Thread sampler;
  private volatile long peak;

  private LiveHeap() {
    sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak = Math.max(peak, afterLastCollections());
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "bench-live-heap");
    sampler.setDaemon(true);
  }

  static LiveHeap sample() {
    LiveHeap live = new LiveHeap();
    live.sampler.start();
    return live;
  }

  void stop() throws InterruptedException {
    sampler.interrupt();
    sampler.join();
    peak = Math.max(peak, afterLastCollections());
  }

  long peakBytes() {
    return peak;
  }

  private static long afterLastCollections() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      MemoryUsage afterGc = pool.getType() == MemoryType.HEAP ? pool.getCollectionUsage() : null;
      sum += afterGc == null ? 0 : afterGc.getUsed();
    }
    return sum;
  }
}
