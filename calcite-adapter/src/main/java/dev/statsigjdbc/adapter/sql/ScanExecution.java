package dev.statsigjdbc.adapter.sql;

import dev.statsigjdbc.adapter.exec.Bindings;
import dev.statsigjdbc.adapter.exec.KeyConstraint;
import dev.statsigjdbc.adapter.exec.PlanRunner;
import dev.statsigjdbc.adapter.exec.QueryRun;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * The run-time side of a scan, handed to generated code: streams rows as the plan's pages
 * arrive, stops at the pushed limit, and honours the statement's cancel flag and timeout.
 */
public final class ScanExecution {

  private final StatsigTable table;
  private final ScanRequest request;

  ScanExecution(StatsigTable table, ScanRequest request) {
    this.table = table;
    this.request = request;
  }

  /**
   * Called by the generated code of {@link StatsigTableScan}.
   *
   * @param runTimeValues the values of the run-time keys' expressions, in their order
   */
  public Enumerable<Object[]> enumerable(DataContext root, Object[] runTimeValues) {
    Map<String, KeyConstraint> keys = request.keysWith(runTimeValues);
    return new AbstractEnumerable<>() {
      @Override
      public Enumerator<Object[]> enumerator() {
        return new RowEnumerator(root, keys);
      }
    };
  }

  private static QueryRun queryRun(DataContext root) {
    AtomicBoolean cancel = DataContext.Variable.CANCEL_FLAG.get(root);
    Long timeoutMillis = DataContext.Variable.TIMEOUT.get(root);
    long deadline = timeoutMillis == null || timeoutMillis <= 0
        ? Long.MAX_VALUE
        : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    return new QueryRun(cancel, deadline);
  }

  /** Rows of one execution; its end (the pushed limit reached, close, reset) stops the work started ahead. */
  private final class RowEnumerator implements Enumerator<Object[]> {

    private final DataContext root;
    private final Map<String, KeyConstraint> keys;
    private QueryRun run;
    private Iterator<Bindings> bindings;
    private Object[] current;
    private long returned;

    RowEnumerator(DataContext root, Map<String, KeyConstraint> keys) {
      this.root = root;
      this.keys = keys;
      this.run = queryRun(root);
    }

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      if (request.fetch() != null && returned >= request.fetch()) {
        run.stop();
        return false;
      }
      if (bindings == null) {
        bindings = table.runner().run(table.bound(), keys, request.fetch(), run);
      }
      if (!bindings.hasNext()) {
        return false;
      }
      current = PlanRunner.row(table.bound().spec(), bindings.next());
      returned++;
      return true;
    }

    @Override
    public void reset() {
      run.close();
      run = queryRun(root);
      bindings = null;
      returned = 0;
    }

    @Override
    public void close() {
      run.close();
      bindings = null;
    }
  }
}
