package dev.statsigjdbc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statsigjdbc.driver.jdbc.StatsigConnection;
import dev.statsigjdbc.driver.jdbc.ToolCalls;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The line's text and its redrawing, on a hand-driven clock and call counter. */
class ProgressLineTest {

  @Test
  void textSaysPagesRowsCallsAndSecondsInTheirSingularOrPlural() {
    assertThat(ProgressLine.text(new ToolCalls(1, 1), 1, 1_250_000_000L))
        .isEqualTo("1 page fetched, 1 row, 1 tool call, 1.3 s");
    assertThat(ProgressLine.text(new ToolCalls(12, 10), 1000, 0)).isEqualTo("10 pages fetched, 1000 rows, 12 tool calls, 0.0 s");
  }

  @Test
  void redrawsInPlaceAtMostEveryQuarterSecondAndEndsWithTheTotals() throws Exception {
    AtomicLong calls = new AtomicLong(5);
    AtomicLong clock = new AtomicLong();
    StringWriter err = new StringWriter();
    ProgressLine line = ProgressLine.startUntimed(connection(calls), new PrintWriter(err), clock::get);
    ResultSet rows = line.track(rowsOf(4));

    calls.addAndGet(2);
    rows.next();                                   // 0 ms: too soon to redraw
    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(300));
    rows.next();                                   // 300 ms: redraw
    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(100));
    rows.next();                                   // 400 ms: too soon
    rows.next();
    assertThat(rows.next()).isFalse();
    line.close();
    line.close();

    assertThat(err.toString()).isEqualTo("\r2 pages fetched, 2 rows, 2 tool calls, 0.3 s"
        + "\r2 pages fetched, 4 rows, 2 tool calls, 0.4 s" + System.lineSeparator());
  }

  /** A connection whose calls and pages both follow {@code calls}. */
  private static StatsigConnection connection(AtomicLong calls) {
    return (StatsigConnection) Proxy.newProxyInstance(StatsigConnection.class.getClassLoader(),
        new Class<?>[] {StatsigConnection.class}, (proxy, method, args) -> {
          assertThat(method.getName()).isEqualTo("toolCalls");
          return new ToolCalls(calls.get(), calls.get());
        });
  }

  private static ResultSet rowsOf(int count) {
    int[] left = {count};
    return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
        (proxy, method, args) -> {
          assertThat(method.getName()).isEqualTo("next");
          return left[0]-- > 0;
        });
  }
}
