package dev.statsigjdbc.cli;

import dev.statsigjdbc.driver.jdbc.StatsigConnection;
import dev.statsigjdbc.driver.jdbc.ToolCalls;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One line on stderr, redrawn in place with a carriage return, that tells what a running query
 * has done so far: pages fetched, rows read, tool calls sent, time elapsed. It is redrawn as rows
 * arrive and every quarter second while a page is awaited, and ends as a summary line.
 */
final class ProgressLine implements AutoCloseable {
  private static final long REDRAW_MILLIS = 250;

  private final StatsigConnection connection;
  private final ToolCalls start;
  private final PrintWriter err;
  private final LongSupplier nanoClock;
  private final long startNanos;
  private final ScheduledExecutorService ticker;
  private long rows;
  private long lastDrawNanos;
  private int drawnLength;
  private boolean closed;

  private ProgressLine(StatsigConnection connection, PrintWriter err, LongSupplier nanoClock, boolean tick) {
    this.connection = connection;
    this.start = connection.toolCalls();
    this.err = err;
    this.nanoClock = nanoClock;
    this.startNanos = nanoClock.getAsLong();
    this.lastDrawNanos = startNanos;
    this.ticker = tick ? Executors.newSingleThreadScheduledExecutor(daemon()) : null;
    if (tick) {
      ticker.scheduleAtFixedRate(this::draw, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  /** Starts a progress line for the queries of {@code connection}, redrawn by a timer too. */
  static ProgressLine start(StatsigConnection connection, PrintWriter err) {
    return new ProgressLine(connection, err, System::nanoTime, true);
  }

  /** Without the timer, on a given clock: redrawn only as rows arrive (for tests). */
  static ProgressLine startUntimed(StatsigConnection connection, PrintWriter err, LongSupplier nanoClock) {
    return new ProgressLine(connection, err, nanoClock, false);
  }

  /** What the line says. */
  static String text(ToolCalls done, long rows, long elapsedNanos) {
    return String.format(Locale.ROOT, "%d %s fetched, %d %s, %d tool %s, %.1f s",
        done.pages(), done.pages() == 1 ? "page" : "pages", rows, rows == 1 ? "row" : "rows",
        done.calls(), done.calls() == 1 ? "call" : "calls", elapsedNanos / 1e9);
  }

  /** {@code rows}, counting each row as it is read and redrawing at most every quarter second. */
  ResultSet track(ResultSet rows) {
    return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
        (proxy, method, args) -> {
          Object result;
          try {
            result = method.invoke(rows, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (method.getName().equals("next") && Boolean.TRUE.equals(result)) {
            rowRead();
          }
          return result;
        });
  }

  private synchronized void rowRead() {
    rows++;
    if (nanoClock.getAsLong() - lastDrawNanos >= TimeUnit.MILLISECONDS.toNanos(REDRAW_MILLIS)) {
      draw();
    }
  }

  private synchronized void draw() {
    if (closed) {
      return;
    }
    long now = nanoClock.getAsLong();
    lastDrawNanos = now;
    String line = text(connection.toolCalls().since(start), rows, now - startNanos);
    // Spaces wipe what a longer earlier line left behind.
    err.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
    err.flush();
    drawnLength = line.length();
  }

  /** Stops the timer and leaves the final counts as a line of their own; later calls do nothing. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    if (ticker != null) {
      ticker.shutdownNow();
    }
    draw();
    closed = true;
    err.println();
    err.flush();
  }

  private static ThreadFactory daemon() {
    return task -> {
      Thread thread = new Thread(task, "statsig-sql-progress");
      thread.setDaemon(true);
      return thread;
    };
  }
}
