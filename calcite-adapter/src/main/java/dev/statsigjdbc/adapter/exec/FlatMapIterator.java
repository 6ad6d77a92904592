package dev.statsigjdbc.adapter.exec;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Lazy flat-map: pulls the next outer element only when the current inner iterator is spent.
 * (A Stream's iterator would buffer a whole inner stream, i.e. read every page of a list.)
 */
final class FlatMapIterator<A, B> implements Iterator<B> {

  private final Iterator<A> outer;
  private final Function<A, Iterator<B>> expand;
  private Iterator<B> inner = Collections.emptyIterator();

  FlatMapIterator(Iterator<A> outer, Function<A, Iterator<B>> expand) {
    this.outer = outer;
    this.expand = expand;
  }

  @Override
  public boolean hasNext() {
    while (!inner.hasNext()) {
      if (!outer.hasNext()) {
        return false;
      }
      inner = expand.apply(outer.next());
    }
    return true;
  }

  @Override
  public B next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return inner.next();
  }
}
