package dev.statsigjdbc.adapter.dialect;

import java.util.Locale;

/** Which dialect a connection speaks: told by the {@code dialect} property, or found from {@code tools/list}. */
public enum DialectMode {
  AUTO, V1, V3;

  /** Reads {@code auto}, {@code v1} or {@code v3} (any case). */
  public static DialectMode parse(String value) {
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException unknown) {
      throw new IllegalArgumentException("Connection property dialect='" + value
          + "' is not valid: give auto (find it from the tools the server lists), v1 or v3");
    }
  }
}
