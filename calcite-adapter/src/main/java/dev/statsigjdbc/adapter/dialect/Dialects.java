package dev.statsigjdbc.adapter.dialect;

import dev.statsigjdbc.adapter.guard.ToolCatalog;
import dev.statsigjdbc.adapter.guard.ToolPolicy;

/** Picks a connection's dialect from the mode and the tools the server listed. */
public final class Dialects {

  private Dialects() {}

  /**
   * {@code auto}: V3 when the server publishes V3's tools (grouped reads with an {@code action},
   * or discovery), else V1.
   */
  public static Dialect choose(DialectMode mode, ToolCatalog tools, ToolPolicy policy) {
    return switch (mode) {
      case V1 -> V1Dialect.bind(tools);
      case V3 -> V3Dialect.bind(tools, policy);
      case AUTO -> V3Dialect.recognises(tools) && !V1Dialect.recognises(tools) ? V3Dialect.bind(tools, policy) : V1Dialect.bind(tools);
    };
  }
}
