package dev.statsigjdbc.adapter.exec;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Expands up to {@code ahead} outer elements at once on worker threads, each into a list, and
 * hands the results out in the outer order. Used where every expansion is small (one detail call
 * and what hangs off it), so that N lookups take about N / ahead round trips instead of N. The
 * call layer's semaphore and token bucket still bound what reaches the server.
 */
final class PrefetchIterator<A, B> implements Iterator<B> {

  private final Iterator<A> outer;
  private final Function<A, Iterator<B>> expand;
  private final int ahead;
  private final QueryRun run;
  private final Deque<CompletableFuture<List<B>>> pending = new ArrayDeque<>();
  private Iterator<B> current = Collections.emptyIterator();

  /** @param run the scan the expansions belong to: stopping it ends those started */
  PrefetchIterator(Iterator<A> outer, Function<A, Iterator<B>> expand, int ahead, QueryRun run) {
    this.outer = outer;
    this.expand = expand;
    this.ahead = ahead;
    this.run = run;
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext()) {
      fill();
      if (pending.isEmpty()) {
        return false;
      }
      current = FanOutThreads.await(pending.removeFirst()).iterator();
    }
    return true;
  }

  @Override
  public B next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }

  private void fill() {
    while (pending.size() < ahead && outer.hasNext()) {
      A element = outer.next();
      pending.addLast(run.submit(() -> drain(expand.apply(element))));
    }
  }

  private static <T> List<T> drain(Iterator<T> items) {
    List<T> out = new ArrayList<>();
    items.forEachRemaining(out::add);
    return out;
  }
}
