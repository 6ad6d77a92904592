package dev.statsigjdbc.bench;

import dev.statsigjdbc.emulator.api.PageLimits;

/**
 * One query of the call-count suite with the fewest tool calls any client could answer it with.
 *
 * @param minimumCalls computed from the data: list pages of {@link #PAGE_SIZE}, one detail call
 *     per id, one call per metric day, one results call per (experiment, test group) or gate rule
 * @param why how the minimum was counted
 */
record SuiteQuery(String name, String sql, long minimumCalls, String why) {

  /** Records per list page: the largest page the emulator serves, so the fewest list calls any client can make. */
  static final int PAGE_SIZE = PageLimits.defaults().maxLimit();

  /** Pages a client must read to see {@code items} list items (an empty list still costs one call). */
  static long pages(long items) {
    return Math.max(1, (items + PAGE_SIZE - 1) / PAGE_SIZE);
  }
}
