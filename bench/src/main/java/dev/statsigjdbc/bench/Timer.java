package dev.statsigjdbc.bench;

/** Wall time of one action in milliseconds. */
final class Timer {
  private Timer() {}

  @FunctionalInterface
  interface Action {
    void run() throws Exception;
  }

  static double millis(Action action) throws Exception {
    long start = System.nanoTime();
    action.run();
    return (System.nanoTime() - start) / 1e6;
  }
}
