package dev.statsigjdbc.adapter.catalog;

import java.util.List;
import java.util.Map;

/**
 * Binds each element of arrays found in earlier bindings.
 *
 * @param from the arrays, each with constants bound under {@code with} (e.g. a metric's role)
 * @param skipWhenEqual two paths; elements where both resolve to the same value are skipped
 */
public record EachSpec(String as, List<Source> from, List<String> skipWhenEqual) {

  public EachSpec {
    from = List.copyOf(from);
    skipWhenEqual = skipWhenEqual == null ? List.of() : List.copyOf(skipWhenEqual);
  }

  public record Source(String path, Map<String, String> with) {
    public Source {
      with = with == null ? Map.of() : Map.copyOf(with);
    }
  }
}
